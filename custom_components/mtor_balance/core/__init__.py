"""Pure nutrition and fasting model: no Home Assistant imports, deterministic and fast."""
