"""The inbox through the real backend: an entry another feature adds on one node reaches the person's open
sockets on whichever node they are (on the cluster, bernd is on the other node than the one adding),
their next welcome holds it, and dismissing it on one node removes it for good."""

from __future__ import annotations

from dvz_desktop.protocol import InboxKind
from tests.conftest import PASSWORDS
from tests.integration.helpers import Person, login

CLUSTER_READY = True


async def test_an_entry_added_on_one_node_reaches_the_person_on_the_other(backend) -> None:  # type: ignore[no-untyped-def]
    anna = Person("anna", await login(backend.url, "anna", PASSWORDS["anna"]))  # the node that adds
    bernd = Person("bernd", await login(backend.url, "bernd", PASSWORDS["bernd"]))  # the other node
    item = backend.backend.inbox.add("bernd", InboxKind.CALLBACK, room_id="kh-102", guest_name="Erika Muster",
                                     contact="0170 000000")
    added = await bernd.wait_for(lambda m: getattr(m, "type", "") == "inbox", 10)
    assert [i.item_id for i in added.items] == [item.item_id]  # type: ignore[attr-defined]
    assert not [m for m in anna.received if getattr(m, "type", "") == "inbox"]  # nobody else's
    again = await login(backend.url, "bernd", PASSWORDS["bernd"])  # a welcome on the first node
    assert again.welcome is not None and [i.item_id for i in again.welcome.inbox] == [item.item_id]
    await bernd.office.dismiss((item.item_id,))
    third = await login(backend.url, "bernd", PASSWORDS["bernd"])
    assert third.welcome is not None and third.welcome.inbox == ()
    for session in (anna.session, bernd.session, again, third):
        await session.stop()
