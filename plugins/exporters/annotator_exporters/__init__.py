"""The built-in ``exporters``  plugin (being written; registers nothing yet)."""
