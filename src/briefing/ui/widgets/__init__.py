"""The main screen's panes: topic tree, timeline, excerpt list, detail, header bars."""
