"""Rule engine: rules as YAML data (lexicons/rules), check kinds, named Python checks, rule docs."""
