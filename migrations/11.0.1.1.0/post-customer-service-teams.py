"""11.0.1.1.0: the policy applies to customer-service teams only (POLICY §2). Until this version every
ticket was under it: every existing team becomes a customer-service team (untick IT or internal teams
afterwards) and every existing ticket without a team stays under the policy."""


def migrate(cr, version):
    if not version:
        return
    cr.execute("UPDATE helpdesk_ticket_team SET cs_customer_service = true WHERE cs_customer_service IS NULL")
    cr.execute("""
        UPDATE helpdesk_ticket t
           SET cs_governed = COALESCE((SELECT tm.cs_customer_service FROM helpdesk_ticket_team tm
                                        WHERE tm.id = t.team_id), true)
         WHERE t.cs_governed IS DISTINCT FROM COALESCE((SELECT tm.cs_customer_service FROM helpdesk_ticket_team tm
                                                         WHERE tm.id = t.team_id), true)
    """)
