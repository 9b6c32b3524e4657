"""Bluetooth kitchen-scale protocol parsers (pure) and their connection manager."""
