"""The customer's own opinion by link (POLICY §2, issue 14): the reply mail carries a token signed with
the database secret; it names the ticket and its expiry day, and holds for one answer only (the ticket's
nonce changes when it is used or a new link is sent)."""
import datetime
import hashlib
import hmac

from .problems import Problem

SCOPE = 'cs-opinion'


def signature(secret, ticket_id, nonce, expiry):
    message = '%s:%s:%s:%s' % (SCOPE, ticket_id, nonce, expiry.strftime('%Y%m%d'))
    return hmac.new(secret.encode('utf-8'), message.encode('utf-8'), hashlib.sha256).hexdigest()


def make_token(secret, ticket_id, nonce, expiry):
    """``<ticket id>-<expiry YYYYMMDD>-<signature>``."""
    return '%d-%s-%s' % (ticket_id, expiry.strftime('%Y%m%d'), signature(secret, ticket_id, nonce, expiry))


def parse(token):
    """(ticket id, expiry date, signature) of a well-formed token, else None."""
    if not isinstance(token, str) or len(token) > 200:
        return None
    parts = token.split('-')
    if len(parts) != 3 or not parts[0].isdigit() or not parts[1].isdigit() or len(parts[1]) != 8:
        return None
    try:
        expiry = datetime.datetime.strptime(parts[1], '%Y%m%d').date()
    except ValueError:
        return None
    return int(parts[0]), expiry, parts[2]


def token_problems(secret, token, nonce, today, used=False):
    """Why ``token`` may not record an opinion: forged (bad form or signature, or not the ticket's
    current link: none sent or replaced by a newer one), used already, expired."""
    parsed = parse(token)
    if not parsed or not nonce:
        return [Problem('forged', {})]
    ticket_id, expiry, sig = parsed
    if not hmac.compare_digest(sig, signature(secret, ticket_id, nonce, expiry)):
        return [Problem('forged', {})]
    if used:
        return [Problem('used', {})]
    if today > expiry:
        return [Problem('expired', {'expiry': expiry})]
    return []


def expiry_day(today, days):
    return today + datetime.timedelta(days=days)
