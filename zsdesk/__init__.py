"""zsdesk — 招商外勤桌面端: offline field log, reports and sync for investment-promotion officers."""

__version__ = "0.1.0"
# Bumped whenever the synced record layout changes; the server accepts N and N-1.
SCHEMA_VERSION = 2
PROTOCOL_VERSION = 2  # 2: `resolve` ops and the 409 re-snapshot answer (the server still accepts 1)
