"""The built-in ``quotes``  plugin (being written; registers nothing yet)."""
