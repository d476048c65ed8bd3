"""Named Python checks (check kind `python`) for what rule data cannot say, one module per subject."""
