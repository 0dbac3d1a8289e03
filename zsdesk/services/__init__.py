"""Use cases: plain, Qt-free, keyword-only functions tying storage, sync and reports together."""
