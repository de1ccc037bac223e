"""Key custody: the team key, its slots, epochs, unlocking, rotation and crypto-shredding.

The layers (docs/threat-model.md has the picture):

    field  --AES-GCM-->  data key (per response)
    data key  --HPKE-->  epoch public key         (in the database, public)
    epoch private key  --HPKE-->  team public key  (in the key store, outside the database)
    team private key  --HPKE-->  each slot's public key
    slot private key  --Argon2id passphrase--  (facilitator)  or  = recovery key (shown once)

The web server needs only public keys to accept responses. Every public key row carries a
MAC under a key from the instance secret (``Keystore.attest``): a database writer who swaps
a public key or inserts a slot cannot make anything be sealed to it. Every operation that
writes or removes key files holds the key store's lock until its transaction ends, so a
rotation and a start-up (or any CLI command) cannot interleave.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, event, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from . import clock, crypto, staff_drafts
from .keystore import Keystore, KeystoreError, SealedEpochKey, fingerprint
from .models import (
    Epoch,
    KeySlot,
    Response,
    StaffSession,
    StaffUser,
    TeamKey,
    ThemeReport,
    UnlockSession,
)

log = logging.getLogger("intake.keys")


class KeyringError(RuntimeError):
    """A key operation cannot be done; the message is safe to show to staff (translated
    lazily, so the same message also reads plainly in the command line)."""


class NotInitialised(KeyringError):
    pass


class UnauthenticatedKey(KeyringError):
    """A public key in the database fails its MAC: someone with write access to the
    database may have replaced it. Nothing is sealed to it."""


# -- authenticity of public key material ------------------------------------------------
def _team_parts(team: TeamKey) -> tuple[str | int | bytes, ...]:
    return ("team-key", team.version, team.public_key)


def _slot_parts(slot: KeySlot) -> tuple[str | int | bytes, ...]:
    return ("key-slot", slot.kind, slot.user_id or 0, slot.public_key)


def epoch_parts(label: str, public_key: bytes) -> tuple[str | int | bytes, ...]:
    return ("epoch-key", label, public_key)


def _refuse(what: str) -> UnauthenticatedKey:
    # For the operator's log: which key, never any content.
    log.error("refused to seal to %s: its public key fails authentication", what)
    return UnauthenticatedKey(
        _l(
            "The public key of %(what)s is not authenticated: it may have been changed in the "
            "database. Nothing was sealed to it. An operator must check it and run "
            "`flask intake attest-keys`.",
            what=what,
        )
    )


def check_team(keystore: Keystore, team: TeamKey) -> None:
    if not keystore.authentic(team.key_mac, *_team_parts(team)):
        raise _refuse(f"team key v{team.version}")


def check_slot(keystore: Keystore, slot: KeySlot) -> None:
    if not keystore.authentic(slot.key_mac, *_slot_parts(slot)):
        raise _refuse(f"key slot {slot.id}")


def check_epoch(keystore: Keystore, label: str, public_key: bytes, mac: bytes | None) -> None:
    if not keystore.authentic(mac, *epoch_parts(label, public_key)):
        raise _refuse(f"epoch {label}")


# -- one key change at a time -------------------------------------------------------------
_LOCK = "intake.keystore_lock"


def hold_keystore(session: Session, keystore: Keystore) -> None:
    """Take the key store's lock and keep it until ``session``'s transaction ends.

    Held to the end of the transaction, not of a function, because what must not
    interleave is "key files written" with "rows that use them committed": a rotation's new
    files must not be pruned before its commit, and an epoch created while a rotation runs
    must not be sealed to a team key that the rotation is about to destroy."""
    if _LOCK in session.info:
        return
    lock = keystore.exclusive()
    lock.__enter__()
    session.info[_LOCK] = lock
    if not session.info.get(_LOCK + ".listening"):
        event.listen(session, "after_transaction_end", _release_keystore)
        session.info[_LOCK + ".listening"] = True
    session.connection()  # a transaction is open now: its end releases the lock


def _release_keystore(session: Session, transaction: object) -> None:
    if getattr(transaction, "parent", None) is not None:
        return  # a savepoint ended, not the transaction
    lock = session.info.pop(_LOCK, None)
    if lock is not None:
        lock.__exit__(None, None, None)


# -- context strings bound into every seal ----------------------------------------------
def _slot_info(slot_public: bytes, team_version: int) -> bytes:
    return crypto.associated_data("team-key-slot", slot_public.hex(), team_version)


def _slot_passphrase_context(user_id: int) -> bytes:
    return crypto.associated_data("slot-private", user_id)


def _epoch_info(label: str, team_version: int) -> bytes:
    return crypto.associated_data("epoch-key", label, team_version)


def _unlock_context(unlock_id: str, team_version: int) -> bytes:
    return crypto.associated_data("unlock", unlock_id, team_version)


# -- team key and slots ------------------------------------------------------------------
def active_team_key(session: Session) -> TeamKey:
    key = session.scalar(
        select(TeamKey).where(TeamKey.destroyed_at.is_(None)).order_by(TeamKey.version.desc())
    )
    if key is None:
        raise NotInitialised(_l("The team key has not been created yet (flask intake init-keys)."))
    return key


def is_initialised(session: Session) -> bool:
    return session.scalar(select(TeamKey.version).where(TeamKey.destroyed_at.is_(None))) is not None


def _seal_team_key_to_slot(
    keystore: Keystore, slot: KeySlot, team_private: bytes, team_version: int
) -> None:
    check_slot(keystore, slot)
    slot.team_key_version = team_version
    slot.sealed_team_key = crypto.seal(
        slot.public_key, team_private, _slot_info(slot.public_key, team_version)
    )


def init_team_key(
    session: Session,
    keystore: Keystore,
    facilitator: StaffUser,
    passphrase: str,
    kdf: crypto.KdfParams,
    epoch_months: int = 3,
) -> str:
    """Create the first team key pair, a slot for ``facilitator`` and the recovery slot.

    Returns the recovery key, which is shown once and never stored.
    """
    if is_initialised(session):
        raise KeyringError(_l("The team key already exists."))
    now = clock.utcnow()
    pair = crypto.generate_keypair()
    team = TeamKey(version=1, public_key=pair.public, created_at=now)
    team.key_mac = keystore.attest(*_team_parts(team))
    session.add(team)
    add_passphrase_slot(session, keystore, pair.private, 1, facilitator, passphrase, kdf)
    recovery_key = crypto.new_recovery_key()
    recovery = crypto.recovery_keypair(recovery_key)
    slot = KeySlot(kind="recovery", public_key=recovery.public, created_at=now)
    slot.key_mac = keystore.attest(*_slot_parts(slot))
    _seal_team_key_to_slot(keystore, slot, pair.private, 1)
    session.add(slot)
    session.flush()
    ensure_epochs(session, keystore, clock.today(), epoch_months)
    return recovery_key


def request_slot(
    session: Session, keystore: Keystore, user: StaffUser, passphrase: str, kdf: crypto.KdfParams
) -> KeySlot:
    """A facilitator sets their own data passphrase: a slot that waits to be granted."""
    if user.role != "facilitator":
        raise KeyringError(_l("Only facilitators can hold a key slot."))
    if session.scalar(select(KeySlot).where(KeySlot.user_id == user.id)) is not None:
        raise KeyringError(_l("This facilitator already has a key slot."))
    pair = crypto.generate_keypair()
    slot = KeySlot(
        kind="passphrase",
        user_id=user.id,
        public_key=pair.public,
        wrapped_private_key=crypto.wrap_with_passphrase(
            pair.private, passphrase, kdf, _slot_passphrase_context(user.id)
        ),
        created_at=clock.utcnow(),
    )
    # Attested when it is made, by the facilitator who holds the passphrase: a public key
    # swapped in while the slot waits for its grant fails the check at grant time.
    slot.key_mac = keystore.attest(*_slot_parts(slot))
    session.add(slot)
    session.flush()
    return slot


def grant_slot(session: Session, keystore: Keystore, team: TeamPrivateKey, slot_id: int) -> KeySlot:
    """An unlocked facilitator gives a waiting slot the team key (sealed to its public key)."""
    slot = session.get(KeySlot, slot_id)
    if slot is None:
        raise KeyringError(_l("There is no such key slot."))
    if slot.granted:
        raise KeyringError(_l("This key slot can already unlock the data."))
    if team.version != active_team_key(session).version:
        raise KeyringError(_l("Unlock again: the team key has been rotated."))
    _seal_team_key_to_slot(keystore, slot, team.private, team.version)
    session.flush()
    return slot


def add_passphrase_slot(
    session: Session,
    keystore: Keystore,
    team_private: bytes,
    team_version: int,
    user: StaffUser,
    passphrase: str,
    kdf: crypto.KdfParams,
) -> KeySlot:
    """Request and grant in one step (the CLI and the first set-up)."""
    slot = request_slot(session, keystore, user, passphrase, kdf)
    _seal_team_key_to_slot(keystore, slot, team_private, team_version)
    session.flush()
    return slot


def slot_of(session: Session, user: StaffUser) -> KeySlot | None:
    return session.scalar(select(KeySlot).where(KeySlot.user_id == user.id))


def remove_slot(session: Session, slot_id: int) -> None:
    slot = session.get(KeySlot, slot_id)
    if slot is None:
        raise KeyringError(_l("There is no such key slot."))
    if slot.kind == "recovery":
        raise KeyringError(_l("The recovery slot cannot be removed; rotate the keys instead."))
    remaining = session.scalar(
        select(KeySlot.id)
        .where(
            KeySlot.kind == "passphrase",
            KeySlot.id != slot_id,
            KeySlot.sealed_team_key.is_not(None),
        )
        .limit(1)
    )
    if slot.granted and remaining is None:
        raise KeyringError(_l("This is the last facilitator slot; add another before removing it."))
    if slot.user_id is not None:
        # An open unlock of theirs must not outlive their slot.
        their_sessions = select(StaffSession.id).where(StaffSession.user_id == slot.user_id)
        session.execute(
            delete(UnlockSession).where(UnlockSession.staff_session_id.in_(their_sessions))
        )
    session.delete(slot)
    session.flush()


def change_passphrase(
    session: Session, user: StaffUser, old: str, new: str, kdf: crypto.KdfParams
) -> None:
    slot = _slot_for(session, user)
    private = crypto.unwrap_with_passphrase(
        slot.wrapped_private_key or "", old, _slot_passphrase_context(user.id)
    )
    slot.wrapped_private_key = crypto.wrap_with_passphrase(
        private, new, kdf, _slot_passphrase_context(user.id)
    )
    session.flush()


def _slot_for(session: Session, user: StaffUser) -> KeySlot:
    slot = session.scalar(
        select(KeySlot).where(KeySlot.user_id == user.id, KeySlot.kind == "passphrase")
    )
    if slot is None:
        raise KeyringError(_l("You do not hold a key slot. Ask a facilitator to add one for you."))
    return slot


@dataclass
class TeamPrivateKey:
    """The opened team private key. Lives in memory only for the request that needs it."""

    version: int
    private: bytes
    _epoch_cache: dict[int, bytes] = field(default_factory=dict, repr=False)
    _recipients: dict[int, object] = field(default_factory=dict, repr=False)

    def epoch_recipient(self, epoch: Epoch, keystore: Keystore) -> object:
        """The epoch's private key parsed once, for opening many responses in a row."""
        if epoch.id not in self._recipients:
            self._recipients[epoch.id] = crypto.recipient_key(self.epoch_private(epoch, keystore))
        return self._recipients[epoch.id]

    def epoch_private(self, epoch: Epoch, keystore: Keystore) -> bytes:
        if epoch.id in self._epoch_cache:
            return self._epoch_cache[epoch.id]
        if epoch.destroyed_at is not None:
            raise KeyringError(_l("Epoch %(epoch)s was destroyed.", epoch=epoch.label))
        try:
            sealed = keystore.get(epoch.label, fingerprint(epoch.public_key), self.version)
        except KeystoreError as exc:
            raise KeyringError(
                _l("The key for epoch %(epoch)s is damaged.", epoch=epoch.label)
            ) from exc
        if sealed is None:
            raise KeyringError(
                _l("The key for epoch %(epoch)s is not in the key store.", epoch=epoch.label)
            )
        try:
            private = crypto.open_sealed(
                self.private, sealed.sealed, _epoch_info(epoch.label, self.version)
            )
        except crypto.DecryptionError as exc:
            raise KeyringError(
                _l("The key for epoch %(epoch)s is damaged.", epoch=epoch.label)
            ) from exc
        self._epoch_cache[epoch.id] = private
        return private


def _open_slot(slot: KeySlot, slot_private: bytes) -> TeamPrivateKey:
    if slot.sealed_team_key is None or slot.team_key_version is None:
        raise KeyringError(
            _l("Your key slot is waiting: an unlocked facilitator must grant it before it opens.")
        )
    try:
        team_private = crypto.open_sealed(
            slot_private, slot.sealed_team_key, _slot_info(slot.public_key, slot.team_key_version)
        )
    except crypto.DecryptionError as exc:
        raise KeyringError(_l("This key slot is damaged.")) from exc
    return TeamPrivateKey(slot.team_key_version, team_private)


def open_with_passphrase(session: Session, user: StaffUser, passphrase: str) -> TeamPrivateKey:
    """Raises crypto.WrongSecret for a wrong passphrase."""
    slot = _slot_for(session, user)
    slot_private = crypto.unwrap_with_passphrase(
        slot.wrapped_private_key or "", passphrase, _slot_passphrase_context(user.id)
    )
    return _open_slot(slot, slot_private)


def open_with_recovery_key(session: Session, recovery_key: str) -> TeamPrivateKey:
    """Raises crypto.WrongSecret when the key is malformed or not this team's."""
    slot = session.scalar(select(KeySlot).where(KeySlot.kind == "recovery"))
    if slot is None:
        raise NotInitialised(_l("There is no recovery slot."))
    pair = crypto.recovery_keypair(recovery_key)
    if not crypto.constant_time_equal(pair.public, slot.public_key):
        raise crypto.WrongSecret("this recovery key does not belong to this team")
    return _open_slot(slot, pair.private)


# -- epochs ------------------------------------------------------------------------------
def epoch_bounds(day: dt.date, months: int = 3) -> tuple[dt.date, dt.date, str]:
    """The epoch containing ``day``: calendar periods of ``months`` (a divisor of 12)."""
    if months not in (1, 2, 3, 4, 6, 12):
        raise KeyringError(_l("Epochs must be 1, 2, 3, 4, 6 or 12 months long."))
    first_month = (day.month - 1) // months * months + 1
    start = dt.date(day.year, first_month, 1)
    end_month = first_month + months
    end = (
        dt.date(day.year + 1, 1, 1) if end_month > 12 else dt.date(day.year, end_month, 1)
    ) - dt.timedelta(days=1)
    label = (
        f"{day.year}-Q{(first_month - 1) // 3 + 1}"
        if months == 3
        else f"{day.year}-{first_month:02d}-{months}m"
    )
    return start, end, label


def _new_epoch_key(keystore: Keystore, label: str, team: TeamKey) -> bytes:
    """Make a key pair, put its sealed private half in the key store; return the public."""
    check_team(keystore, team)
    pair = crypto.generate_keypair()
    keystore.put(
        SealedEpochKey(
            label=label,
            public_fingerprint=fingerprint(pair.public),
            team_key_version=team.version,
            sealed=crypto.seal(team.public_key, pair.private, _epoch_info(label, team.version)),
        )
    )
    return pair.public


def ensure_epochs(
    session: Session, keystore: Keystore, day: dt.date, months: int = 3, ahead: int = 2
) -> None:
    """Make sure the epoch for ``day`` and the next ``ahead`` ones exist.

    Only public material is needed. The private half is in the key store (fsync'd) before
    the row that makes it the epoch's key is inserted; if another worker inserts first, its
    key wins and ours is an orphan file, never an overwritten one.
    """
    labels = []
    probe = day
    for _ in range(ahead + 1):
        start, end, label = epoch_bounds(probe, months)
        labels.append(label)
        probe = end + dt.timedelta(days=1)
    existing = set(session.scalars(select(Epoch.label).where(Epoch.label.in_(labels))))
    if existing.issuperset(labels):
        return  # the usual case: nothing to write, no lock to wait for
    hold_keystore(session, keystore)
    team = active_team_key(session)  # read under the lock: no rotation is half-way
    for _ in range(ahead + 1):
        start, end, label = epoch_bounds(day, months)
        if session.scalar(select(Epoch).where(Epoch.label == label)) is None:
            public = _new_epoch_key(keystore, label, team)
            epoch = Epoch(label=label, starts_on=start, ends_on=end, public_key=public)
            epoch.key_mac = keystore.attest(*epoch_parts(label, public))
            try:
                with session.begin_nested():
                    session.add(epoch)
            except IntegrityError:
                pass  # another worker created it first; its key is the one in the database
        day = end + dt.timedelta(days=1)


def epoch_for(session: Session, keystore: Keystore, day: dt.date, months: int = 3) -> Epoch:
    _start, _end, label = epoch_bounds(day, months)
    epoch = session.scalar(select(Epoch).where(Epoch.label == label))
    if epoch is None:
        ensure_epochs(session, keystore, day, months)
        epoch = session.scalar(select(Epoch).where(Epoch.label == label))
    if epoch is None or epoch.destroyed_at is not None:
        raise KeyringError(_l("Epoch %(epoch)s is not available for new responses.", epoch=label))
    check_epoch(keystore, epoch.label, epoch.public_key, epoch.key_mac)
    return epoch


def epoch_labels_in_use(session: Session) -> str:
    """The epochs that hold responses now, comma-separated: what a report published now
    draws on (a report is built from every readable response)."""
    labels = session.scalars(
        select(Epoch.label).where(Epoch.id.in_(select(Response.epoch_id).distinct()))
    )
    return ",".join(sorted(labels))


def reports_drawing_on(session: Session, epoch: Epoch) -> list[ThemeReport]:
    """Published reports built (partly) from ``epoch``'s responses. A report from before
    reports recorded their epochs counts when it was published after the epoch began."""
    found = []
    for report in session.scalars(select(ThemeReport)):
        if report.epochs is None:
            if report.published_at.date() >= epoch.starts_on:
                found.append(report)
        elif epoch.label in report.epochs.split(","):
            found.append(report)
    return found


def destroy_epoch(session: Session, keystore: Keystore, label: str) -> tuple[int, int]:
    """Crypto-shred an epoch: destroy its key, purge its responses (their coding goes with
    them) and empty every published report built from them — a report keeps approved
    quotes, which must not outlive the responses they came from. The emptied report's row
    stays, withdrawn, with only its date, title, version and the number of responses it
    covered: the next report is still compared with it (it may have been printed) and its
    version number is never given again.
    Returns (responses purged, reports emptied)."""
    hold_keystore(session, keystore)
    epoch = session.scalar(select(Epoch).where(Epoch.label == label))
    if epoch is None:
        raise KeyringError(_l("There is no epoch %(epoch)s.", epoch=label))
    if epoch.ends_on >= clock.today():
        raise KeyringError(
            _l("Only an epoch that has ended can be destroyed; %(epoch)s has not.", epoch=label)
        )
    count = len(session.scalars(select(Response.id).where(Response.epoch_id == epoch.id)).all())
    # Key first: if the purge were interrupted, what remains is already unreadable.
    keystore.destroy(label)
    session.execute(delete(Response).where(Response.epoch_id == epoch.id))
    reports = reports_drawing_on(session, epoch)
    for report in reports:
        report.ciphertext = b""  # nothing left to open, with or without the server secret
        if report.withdrawn_at is None:
            report.withdrawn_at = clock.utcnow().replace(microsecond=0)
            report.withdrawn_by = None  # the list says why: it is empty
    # Advocates' unfinished entries written in the epoch go too (they expire sooner anyway).
    staff_drafts.remove_saved_until(session, epoch.ends_on)
    epoch.destroyed_at = clock.utcnow()
    epoch.public_key = bytes(32)
    epoch.key_mac = None
    session.flush()
    return count, len(reports)


# -- rotation ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Recipient:
    """A slot a rotation will seal the new team key to, as shown to the operator."""

    slot_id: int
    kind: str
    holder: str | None
    fingerprint: str
    authentic: bool


def rotation_recipients(session: Session, keystore: Keystore) -> list[Recipient]:
    """Every granted slot, whom it belongs to and whether its public key is authentic."""
    out = []
    for slot in session.scalars(
        select(KeySlot).where(KeySlot.sealed_team_key.is_not(None)).order_by(KeySlot.id)
    ):
        holder = session.get(StaffUser, slot.user_id) if slot.user_id else None
        out.append(
            Recipient(
                slot_id=slot.id,
                kind=slot.kind,
                holder=holder.username if holder else None,
                fingerprint=fingerprint(slot.public_key),
                authentic=keystore.authentic(slot.key_mac, *_slot_parts(slot)),
            )
        )
    return out


def rotate(session: Session, keystore: Keystore, current: TeamPrivateKey) -> int:
    """New team key pair; re-seal every epoch key and every slot; destroy the old key.

    Epochs that already hold responses keep their key pair, re-sealed to the new team key —
    no field and no data key is touched. Epochs without responses yet (the coming quarters)
    get brand-new key pairs, so whoever held the old team key cannot read what arrives in
    them. New key files are written beside the old ones; call ``prune_keystore`` after the
    commit to remove the old ones (until then an interrupted rotation loses nothing).
    The key store stays locked until the caller's transaction ends. Refuses when any slot
    it would seal to (see ``rotation_recipients``) is not authenticated.
    Returns the new version.
    """
    hold_keystore(session, keystore)
    old = active_team_key(session)
    if old.version != current.version:
        raise KeyringError(_l("Open the current team key before rotating it."))
    for recipient in rotation_recipients(session, keystore):
        if not recipient.authentic:
            raise _refuse(f"key slot {recipient.slot_id}")
    # Lock the epoch rows first: a submission reads its epoch FOR SHARE, so one that read
    # the old public key commits before we decide below whether the epoch is in use.
    epochs = list(
        session.scalars(select(Epoch).where(Epoch.destroyed_at.is_(None)).with_for_update())
    )
    pair = crypto.generate_keypair()
    new_version = old.version + 1
    new_team = TeamKey(version=new_version, public_key=pair.public, created_at=clock.utcnow())
    new_team.key_mac = keystore.attest(*_team_parts(new_team))
    session.add(new_team)
    session.flush()
    for epoch in epochs:
        check_epoch(keystore, epoch.label, epoch.public_key, epoch.key_mac)
        in_use = session.scalar(select(Response.id).where(Response.epoch_id == epoch.id).limit(1))
        if in_use is None:
            epoch.public_key = _new_epoch_key(keystore, epoch.label, new_team)
            epoch.key_mac = keystore.attest(*epoch_parts(epoch.label, epoch.public_key))
            continue
        epoch_private = current.epoch_private(epoch, keystore)
        keystore.put(
            SealedEpochKey(
                label=epoch.label,
                public_fingerprint=fingerprint(epoch.public_key),
                team_key_version=new_version,
                sealed=crypto.seal(
                    pair.public, epoch_private, _epoch_info(epoch.label, new_version)
                ),
            )
        )
    for slot in session.scalars(select(KeySlot).where(KeySlot.sealed_team_key.is_not(None))):
        _seal_team_key_to_slot(keystore, slot, pair.private, new_version)
    old.destroyed_at = clock.utcnow()
    old.public_key = bytes(32)
    old.key_mac = None
    # Unlocks hold the old private key; they are void now.
    session.execute(delete(UnlockSession))
    session.flush()
    return new_version


def prune_keystore(session: Session, keystore: Keystore) -> int:
    """After a committed rotation (or at start-up): remove key files no epoch uses any more.
    Under the key store's lock, so it never sees a rotation or an epoch half-way."""
    hold_keystore(session, keystore)
    team = active_team_key(session)
    keep = {
        epoch.label: fingerprint(epoch.public_key)
        for epoch in session.scalars(select(Epoch).where(Epoch.destroyed_at.is_(None)))
    }
    return keystore.prune(keep, team.version)


# -- unlocking across workers --------------------------------------------------------------
@dataclass(frozen=True)
class UnlockTicket:
    """What the facilitator's cookie carries: the row's token and the key that opens it."""

    token: str
    secret: bytes

    @property
    def handle_key(self) -> bytes:
        """A key of its own for excerpt handles (theme pages), derived from the cookie's
        secret: the key that unwraps the team key is never used for anything else."""
        return crypto.derive_subkey(self.secret, "excerpt handles")


def sweep_unlocks(session: Session, idle: dt.timedelta) -> int:
    """Remove every unlock idle for longer than ``idle``, whoever it belongs to: an
    abandoned unlock (browser closed, cookie never back) must not outlive its idle time."""
    result = session.execute(
        delete(UnlockSession).where(UnlockSession.last_used_at < clock.utcnow() - idle)
    )
    session.flush()
    return int(result.rowcount or 0)


def unlock(session: Session, staff_session_id: str, team: TeamPrivateKey) -> UnlockTicket:
    token = crypto.random_id()
    secret = crypto.random_key()
    unlock_id = crypto.token_digest(token)
    now = clock.utcnow()
    session.execute(delete(UnlockSession).where(UnlockSession.staff_session_id == staff_session_id))
    session.add(
        UnlockSession(
            id=unlock_id,
            staff_session_id=staff_session_id,
            team_key_version=team.version,
            wrapped_private_key=crypto.wrap_with_key(
                secret, team.private, _unlock_context(unlock_id, team.version)
            ),
            created_at=now,
            last_used_at=now,
        )
    )
    session.flush()
    return UnlockTicket(token=token, secret=secret)


def resume_unlock(
    session: Session, staff_session_id: str, ticket: UnlockTicket, idle: dt.timedelta
) -> TeamPrivateKey | None:
    """The unlocked team key for this request, or None when locked or timed out.
    Every unlocked request also sweeps other facilitators' abandoned unlocks."""
    sweep_unlocks(session, idle)
    unlock_id = crypto.token_digest(ticket.token)
    row = session.get(UnlockSession, unlock_id)
    if row is None or row.staff_session_id != staff_session_id:
        return None
    now = clock.utcnow()
    if now - row.last_used_at > idle:
        session.delete(row)
        session.flush()
        return None
    try:
        private = crypto.unwrap_with_key(
            ticket.secret, row.wrapped_private_key, _unlock_context(unlock_id, row.team_key_version)
        )
    except crypto.DecryptionError:
        return None
    row.last_used_at = now
    session.flush()
    return TeamPrivateKey(row.team_key_version, private)


def lock(session: Session, staff_session_id: str) -> None:
    session.execute(delete(UnlockSession).where(UnlockSession.staff_session_id == staff_session_id))
    session.flush()


def purge_all_unlocks(session: Session) -> int:
    """Called when the server starts: a restart locks everything."""
    result = session.execute(delete(UnlockSession))
    session.flush()
    return int(result.rowcount or 0)


# -- attesting keys made before they were authenticated -------------------------------------
def _public_of(private: bytes) -> bytes:
    return crypto.public_key_of(private)


def attest_keys(
    session: Session,
    keystore: Keystore,
    team: TeamPrivateKey,
    confirm_slot: Callable[[Recipient], bool],
) -> list[str]:
    """Give MACs to key material that has none (keys from before they were authenticated,
    or after the instance secret changed), checking what can be checked.

    The team public key must match the opened team private key, and every epoch's public
    key must match its private half in the key store: those are proved, not trusted. A
    slot's public key cannot be proved without its passphrase or the recovery key, so each
    unauthenticated slot is shown to ``confirm_slot`` (the operator) first.
    Returns what was attested, for the audit log."""
    hold_keystore(session, keystore)
    done: list[str] = []
    active = active_team_key(session)
    if active.version != team.version or not crypto.constant_time_equal(
        _public_of(team.private), active.public_key
    ):
        raise _refuse(f"team key v{active.version}")
    if not keystore.authentic(active.key_mac, *_team_parts(active)):
        active.key_mac = keystore.attest(*_team_parts(active))
        done.append(f"team key v{active.version}")
    for epoch in session.scalars(select(Epoch).where(Epoch.destroyed_at.is_(None))):
        if keystore.authentic(epoch.key_mac, *epoch_parts(epoch.label, epoch.public_key)):
            continue
        if not crypto.constant_time_equal(
            _public_of(team.epoch_private(epoch, keystore)), epoch.public_key
        ):
            raise _refuse(f"epoch {epoch.label}")
        epoch.key_mac = keystore.attest(*epoch_parts(epoch.label, epoch.public_key))
        done.append(f"epoch {epoch.label}")
    for slot in session.scalars(select(KeySlot).order_by(KeySlot.id)):
        if keystore.authentic(slot.key_mac, *_slot_parts(slot)):
            continue
        holder = session.get(StaffUser, slot.user_id) if slot.user_id else None
        recipient = Recipient(
            slot.id,
            slot.kind,
            holder.username if holder else None,
            fingerprint(slot.public_key),
            False,
        )
        if confirm_slot(recipient):
            slot.key_mac = keystore.attest(*_slot_parts(slot))
            done.append(f"key slot {slot.id}")
    session.flush()
    return done
