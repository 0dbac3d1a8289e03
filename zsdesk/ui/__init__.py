"""The desktop GUI (PySide6); the only package that imports Qt besides app.py."""
