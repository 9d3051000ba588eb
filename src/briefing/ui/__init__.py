"""Everything that imports Textual. It arranges and shows what the core computes."""
