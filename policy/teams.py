"""Which tickets the customer service policy governs (POLICY §2): those of a customer-service team, and
those without a team (registered before teams were used, or by the addon's own forms). Tickets of other
teams (IT, internal requests) keep the host helpdesk's plain behaviour and stay out of the indicators."""

# the ticket's stored flag the queries read (kept by the ORM from its team)
FLAG = 'cs_governed'


def governed(has_team, team_is_customer_service):
    """Whether a ticket with (or without) a team falls under the policy."""
    return not has_team or bool(team_is_customer_service)


def governed_sql(alias):
    """The SQL condition selecting the governed tickets of table alias ``alias``."""
    if not alias.isidentifier():
        raise ValueError(alias)
    return '%s.%s' % (alias, FLAG)


def governed_domain():
    """The ORM domain selecting the governed tickets."""
    return [(FLAG, '=', True)]
