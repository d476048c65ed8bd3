"""Declarative check kinds: a rule of one of these kinds is one YAML file in lexicons/rules/."""
