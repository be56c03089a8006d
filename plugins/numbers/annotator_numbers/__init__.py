"""The built-in ``numbers``  plugin (being written; registers nothing yet)."""
