"""The claimdesk reader: ``ClaimdeskApp(store)`` (built by ``claimdesk.tui.factory.create_app``).

>>> from claimdesk.tui.factory import open_store, create_app
>>> app = create_app(open_store(":memory:"), config_path=None)
>>> app.title
'claimdesk'
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import BindingType
from textual.theme import Theme

from claimdesk.store import Store
from claimdesk.tui.bindings import APP_BINDINGS
from claimdesk.tui.config import Config, load_config, save_theme
from claimdesk.tui.messages import StoreFailed
from claimdesk.tui.navigation import Place
from claimdesk.tui.ordered_writer import WRITE_GROUP
from claimdesk.tui.paths import config_path as default_config_path
from claimdesk.tui.screens.main_screen import MainScreen
from claimdesk.tui.startup import exit_after_paint_requested, startup_line
from claimdesk.tui.state import load_last_place, state_path
from claimdesk.tui.store_calls import run_in_worker
from claimdesk.tui.widgets.status_bar import StatusBar

_DEFAULT = object()


def claimdesk_commands():
    """The command palette provider (imported when the palette first opens)."""
    from claimdesk.tui.commands import ClaimdeskCommands

    return ClaimdeskCommands


def theme_saved(path: Path, name: str) -> StoreFailed | None:
    """Keep theme ``name`` in the config file at ``path`` (on a worker); a failure is said."""
    return (
        None if save_theme(path, name) else StoreFailed("saving the theme", f"{path} not written")
    )


class ClaimdeskApp(App):
    """Documents, their claims and related claims in linked panes.

    Options: ``config_path`` (``None``: no config file; default: the user's; a theme
    chosen in the palette is kept there), ``remember_places`` (reopen the last
    document; default: on for stores on disk), ``state_file`` and
    ``exit_after_paint`` (see :mod:`claimdesk.tui.startup`).
    """

    TITLE = "claimdesk"
    BINDINGS: ClassVar[list[BindingType]] = list(APP_BINDINGS)
    COMMANDS = App.COMMANDS | {claimdesk_commands}

    def __init__(
        self,
        store: Store,
        *,
        config_path: Path | None | object = _DEFAULT,
        remember_places: bool | None = None,
        state_file: Path | None = None,
        exit_after_paint: bool | None = None,
    ):
        super().__init__()
        self.store = store
        path = default_config_path() if config_path is _DEFAULT else config_path
        self.config_path: Path | None = path  # type: ignore[assignment]
        self.config: Config = load_config(self.config_path)
        self.keymap: dict[str, str] = dict(self.config.keys)
        in_memory = "mode=memory" in store.path
        self.remember_places = (not in_memory) if remember_places is None else remember_places
        self.state_file = state_file or state_path()
        self.exit_after_paint = (
            exit_after_paint_requested() if exit_after_paint is None else exit_after_paint
        )
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.startup_report = ""
        self.main_screen: MainScreen | None = None

    def on_mount(self) -> None:
        """Apply the config and open the main screen at the last place viewed."""
        if self.config.theme:
            if self.config.theme in self.available_themes:
                self.theme = self.config.theme
            else:
                problem = f"config: unknown theme {self.config.theme!r}"
                self.config = replace(self.config, problems=(*self.config.problems, problem))
        if self.keymap:
            self.set_keymap(self.keymap)
        self.theme_changed_signal.subscribe(self, self.keep_theme)
        initial: Place | None = None
        if self.remember_places:
            initial = load_last_place(self.state_file, self.store.display_path)
        self.main_screen = MainScreen(self.store, initial)
        self.push_screen(self.main_screen)
        if self.config.problems:
            self.main_screen.query_one(StatusBar).set_action("; ".join(self.config.problems))

    def keep_theme(self, theme: Theme) -> None:
        """Save a newly chosen theme to the config file (on a worker: it is a file write)."""
        if self.config_path is None or theme.name == self.config.theme:
            return
        self.config = replace(self.config, theme=theme.name)
        run_in_worker(self.screen, "config", theme_saved, self.config_path, theme.name)

    async def action_quit(self) -> None:
        """Quit once pending writes are stored; an edited, unsaved note asks first."""
        from claimdesk.tui.screens.confirm import ConfirmScreen

        editors = [s for s in self.screen_stack if getattr(s, "edited", False)]
        if editors and not isinstance(self.screen, ConfirmScreen):

            def answered(drop: bool | None) -> None:
                if drop:
                    self.call_later(self.quit_now)

            self.push_screen(ConfirmScreen("Quit and drop the edited note?"), answered)
            return
        await self.quit_now()

    async def quit_now(self) -> None:
        """Wait for writes in flight, then exit."""
        writes = [w for w in self.workers if w.group in (WRITE_GROUP, "config")]
        if writes:
            await self.workers.wait_for_complete(writes)
        self.exit()

    def action_help(self) -> None:
        """Show every binding."""
        from claimdesk.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def record_latency(self, name: str, seconds: float) -> None:
        """Keep a latency figure (claim change to related pane, keystroke to results)."""
        values = self.latencies[name]
        values.append(seconds)
        del values[:-1000]

    def document_painted(self) -> None:
        """For a timed start: exit once the first document is on screen."""
        if self.exit_after_paint and not self.startup_report:
            self.startup_report = startup_line()
            self.exit()

    def run(self, *args, **kwargs):
        """Run the app; a timed start prints its figures afterwards."""
        result = super().run(*args, **kwargs)
        if self.startup_report:
            print(self.startup_report, file=sys.stdout, flush=True)
        return result
