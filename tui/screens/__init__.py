"""The reader's screens: main, help, note editor, status and filter choosers, history, confirm, search."""
