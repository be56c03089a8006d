"""The built-in ``dates``  plugin (being written; registers nothing yet)."""
