"""Undo a merge of the knowledge base in the store: the merged names become their own actor again."""

from __future__ import annotations

import json
from typing import Any

from polemos.errors import PolemosError
from polemos.kb import normalise_name
from polemos.model import Actor


def undo_merge(store: Any, merge_id: int) -> dict[str, Any]:
    """Split merge ``merge_id``: re-point the mentions, event roles and quotes of its names; drop the log row."""
    conn = store.conn
    row = conn.execute("SELECT * FROM merges WHERE id = ?", (merge_id,)).fetchone()
    if row is None:
        raise PolemosError(f"no merge {merge_id} in {store.path} (see 'polemos merges')")
    kept = conn.execute("SELECT * FROM actors WHERE key = ?", (row["kept"],)).fetchone()
    aliases = json.loads(row["aliases"])
    data = json.loads(row["merged_actor"]) if row["merged_actor"] else {}
    name = data.get("name") or (aliases[0] if aliases else row["merged"].split(":", 1)[-1])
    forms = {normalise_name(a) for a in [name, *aliases]}
    moved = {"mentions": 0, "event_actors": 0, "quotes": 0}
    with conn:
        if kept is None:  # the kept actor was never stored: only the log row goes
            conn.execute("DELETE FROM merges WHERE id = ?", (merge_id,))
            return {"merge": merge_id, "actor": row["merged"], **moved}
        actor = Actor(row["merged"], name, data.get("type") or kept["type"], data.get("country"),
                      data.get("sector"), [a for a in aliases if a != name])
        new_id = store._actor_id(actor)
        for table, text_col, id_col in (
            ("mentions", "text", "actor_id"), ("event_actors", "name", "actor_id"), ("quotes", "speaker_text", "speaker_id"),
        ):
            key_col = "rowid"
            rows = conn.execute(f"SELECT {key_col}, {text_col} FROM {table} WHERE {id_col} = ?", (kept["id"],)).fetchall()
            ids = [r[0] for r in rows if r[1] and normalise_name(r[1]) in forms]
            conn.executemany(f"UPDATE {table} SET {id_col} = ? WHERE {key_col} = ?", [(new_id, i) for i in ids])
            moved[table] = len(ids)
        conn.executemany(
            "DELETE FROM aliases WHERE actor_id = ? AND alias = ?", [(kept["id"], a) for a in aliases if a != kept["name"]]
        )
        conn.execute("DELETE FROM merges WHERE id = ?", (merge_id,))
    store._written.pop(row["kept"], None)  # the kept actor's aliases changed: write it in full next time
    return {"merge": merge_id, "actor": row["merged"], **moved}
