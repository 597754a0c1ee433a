"""The reader's widgets: one widget a module, its CSS in a ``.tcss`` file beside it."""
