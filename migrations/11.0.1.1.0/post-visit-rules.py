"""11.0.1.1.0: the visit rules follow the seeds (POLICY §3 table). The shipped rules are noupdate, so an
update does not rewrite them: here the GM's half-yearly VIP visit becomes for selected customers only and
the account rep's monthly contact of every customer by phone becomes the on-site monthly visit of general
customers not selected (the VIP head's quarterly visit is a new record the update creates). Then the
existing plans migrate: future planned policy visits of a rule that no longer applies to their customer
are cancelled (kept, with the reason, as a tier change does), the others take their rule's method."""

RULES = {
    'cs_visit_policy_line_vip_gm': {
        'values': {'selected_only': True},
        'names': ('VIP: on-site visit by the chairman or GM, half-yearly (selected customers)',
                  'VIP客户：董事长或总经理上门走访，每半年一次（选定客户）'),
    },
    'cs_visit_policy_line_all_rep': {
        'values': {'method': 'onsite', 'unselected_only': True, 'selected_only': False},
        'tier': 'cs_tier_general',
        'names': ('General: on-site visit by the account representative, monthly (customers not selected)',
                  '一般客户：客户代表上门走访，每月一次（未选定客户）'),
    },
}
REASON = '回访规则已按制度调整'


def _xmlid(cr, name):
    cr.execute("SELECT res_id FROM ir_model_data WHERE module = 'customer_service_mgmt' AND name = %s", (name,))
    row = cr.fetchone()
    return row and row[0]


def _migrate_rules(cr):
    for xmlid, rule in RULES.items():
        line_id = _xmlid(cr, xmlid)
        if not line_id:
            continue
        values = dict(rule['values'])
        if rule.get('tier'):
            # only the shipped rule for every tier is narrowed; a rule a manager gave a tier stays his
            cr.execute('SELECT tier_id FROM cs_visit_policy_line WHERE id = %s', (line_id,))
            if cr.fetchone()[0] is not None:
                continue
            values['tier_id'] = _xmlid(cr, rule['tier'])
        english, chinese = rule['names']
        values['name'] = english
        columns = sorted(values)
        cr.execute('UPDATE cs_visit_policy_line SET %s WHERE id = %%s' % ', '.join('%s = %%s' % c for c in columns),
                   [values[c] for c in columns] + [line_id])
        cr.execute("""UPDATE ir_translation SET src = %s, value = %s
                       WHERE name = 'cs.visit.policy.line,name' AND res_id = %s AND type = 'model'""",
                   (english, chinese, line_id))


def _migrate_plans(cr):
    cr.execute("""
        UPDATE cs_visit v
           SET state = 'cancelled', cs_auto_cancelled = TRUE, cancel_reason = %s,
               write_date = now() at time zone 'UTC'
          FROM cs_visit_policy_line l, res_partner p
         WHERE v.policy_line_id = l.id AND p.id = v.partner_id
           AND v.origin = 'policy' AND v.state = 'planned' AND v.planned_date >= CURRENT_DATE
           AND ((l.tier_id IS NOT NULL AND l.tier_id IS DISTINCT FROM p.cs_tier_id)
                OR (l.selected_only AND NOT COALESCE(p.cs_visit_selected, FALSE))
                OR (COALESCE(l.unselected_only, FALSE) AND COALESCE(p.cs_visit_selected, FALSE)))
     RETURNING v.id
    """, (REASON,))
    cancelled = [r[0] for r in cr.fetchall()]
    if cancelled:
        # their reminders go with them, as when a tier change cancels a visit
        cr.execute("DELETE FROM mail_activity WHERE res_model = 'cs.visit' AND res_id = ANY(%s)", (cancelled,))
    cr.execute("""
        UPDATE cs_visit v SET method = l.method
          FROM cs_visit_policy_line l
         WHERE v.policy_line_id = l.id AND v.origin = 'policy' AND v.state = 'planned'
           AND v.planned_date >= CURRENT_DATE AND v.method IS DISTINCT FROM l.method
    """)


def migrate(cr, version):
    if not version:
        return
    _migrate_rules(cr)
    _migrate_plans(cr)
