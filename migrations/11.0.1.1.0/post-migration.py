"""11.0.1.1.0: the crons' entry points became private (POLICY §8: maintenance entry points are not
callable over the web API). Their records are noupdate, so an update does not rewrite their code: do it
here, for every cron that still calls an old public name."""
RENAMED = {
    'model.cron_plan_visits()': 'model._cron_plan_visits()',
    'model.cron_remind_visits()': 'model._cron_remind_visits()',
    'model.cron_plan_care()': 'model._cron_plan_care()',
}


def migrate(cr, version):
    if not version:
        return
    for old, new in RENAMED.items():
        cr.execute("""
            UPDATE ir_act_server s SET code = replace(s.code, %s, %s)
              FROM ir_cron c
             WHERE c.ir_actions_server_id = s.id AND s.code LIKE %s
        """, (old, new, '%' + old + '%'))
