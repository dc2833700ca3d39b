"""11.0.1.1.0: the first responsible person 第一责任人 of a verified complaint is the site sales manager of
the person concerned (POLICY §4), no longer the handler's manager. The fines the previous version proposed
and nobody confirmed yet move to the site manager; confirmed or cancelled ones stay as decided."""
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    cr.execute("""
        SELECT id, ticket_id, user_id FROM cs_reward_penalty
         WHERE proposed AND state = 'draft' AND band_role = 'manager' AND ticket_id IS NOT NULL
         ORDER BY id
    """)
    Fine = env['cs.reward.penalty']
    for fine_id, ticket_id, user_id in cr.fetchall():
        managers = env['helpdesk.ticket'].browse(ticket_id)._cs_site_managers()[0]
        if len(managers) != 1 or managers.id == user_id:
            continue  # several sites or none: left for the manager to re-propose by hand
        if Fine.search_count([('ticket_id', '=', ticket_id), ('user_id', '=', managers.id),
                              ('band_role', '=', 'manager'), ('proposed', '=', True)]):
            continue
        # as the system: the guard refuses nothing to the migration, and the reference is recomputed
        Fine.browse(fine_id)._cs_system_write({'user_id': managers.id})
