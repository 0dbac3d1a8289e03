"""Domain layer: records, enums and validation; stdlib only, no I/O."""
