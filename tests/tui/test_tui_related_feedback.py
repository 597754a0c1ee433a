"""The related pane: only probable reports of the same incident, weaker ones behind m, and
the reader's verdicts on links (w wrong, y right, c contradiction), undoable with u."""

from __future__ import annotations

from claimdesk.tui.widgets.related_list import RelatedList

from .conftest import make_app, settle

LOOK_ALIKE = (
    "Officials said 100 soldiers were killed near Tobruk on Monday.\n\n"
    "The coastal road was closed for a week."
)
"""Another place, another year, the same words: a weaker match for the first claim."""


def with_look_alike(store):
    """The fixed store with :data:`LOOK_ALIKE` added."""
    store.add_text(LOOK_ALIKE, title="Desert clash", source="Archive", published="2021-03-01")
    return store


async def test_marking_a_link_wrong_hides_it_and_undo_brings_it_back(filled_store):
    app = make_app(filled_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        claim_id = screen.current_id
        related = screen.query_one(RelatedList)
        assert related.items and all(item.shown for item in related.items)
        target = related.items[0].claim.id
        await pilot.press("4", "w")
        await settle(pilot)
        assert target not in {item.claim.id for item in related.items}
        assert [(f.verdict, {f.claim_id, f.other_id}) for f in filled_store.link_feedback()] == [
            ("wrong", {claim_id, target})
        ]
        assert "marked wrong" in screen.query_one("#status").last_action
        events = filled_store.history(claim_id)
        assert (events[-1].kind, events[-1].other_id) == ("link", target)
        await pilot.press("u")
        await settle(pilot)
        assert target in {item.claim.id for item in related.items}
        assert filled_store.link_feedback() == []


async def test_weaker_matches_are_behind_one_key_and_marked(filled_store):
    app = make_app(with_look_alike(filled_store))
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        related = screen.query_one(RelatedList)
        weaker = [item for item in related.all_items if not item.shown]
        assert weaker, "the first claim has weaker matches in the fixed store"
        shown = len(related.items)
        assert "(m)" in str(related.border_title)
        await pilot.press("4", "m")
        assert len(related.items) == shown + len(weaker)
        row = len(related.items) - 1
        line = related.render_item(related.items[row], 120)[0].plain
        assert "weaker" in line
        await pilot.press("m")
        assert len(related.items) == shown


async def test_marking_right_and_confirming_a_contradiction_show_the_verdict(filled_store):
    app = make_app(with_look_alike(filled_store))
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.main_screen
        related = screen.query_one(RelatedList)
        await pilot.press("4", "m", "end")
        target = related.current
        assert target is not None and not target.shown
        await pilot.press("y")
        await settle(pilot)
        marked = next(i for i in related.items if i.claim.id == target.claim.id)
        assert marked.shown and marked.feedback == "right"
        assert "marked right" in related.render_item(marked, 160)[0].plain
        await pilot.press("c")
        await settle(pilot)
        assert [f.verdict for f in filled_store.link_feedback()] == ["contradicts"]
        assert "contradiction confirmed" in screen.query_one("#status").last_action
