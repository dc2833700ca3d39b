"""Compliance check 合规检查 (POLICY §2-§5): the places where the data breaks the policy right now, one
SELECT per rule. Each SELECT yields (row id, res_model, res_id, name, company_id, since) from the rule's own
terms (the kinds, opinions, follow-ups, tiers and reasons of the other policy modules), so the check cannot
drift from the rules the models enforce."""
from . import deadlines, followups, rewards, teams, tiers

# the rules in display order (a row's id is its source id * 16 + the index of its SELECT)
TICKET_OVERDUE = 'ticket_overdue'
DISSATISFIED_NO_FOLLOWUP = 'dissatisfied_no_followup'
IMPORTANT_NOT_VISITED = 'important_not_visited'
ACTION_OVERDUE = 'action_overdue'
ARCHIVE_NOT_REVIEWED = 'archive_not_reviewed'
FINE_OUT_OF_BAND = 'fine_out_of_band'
BORROW_NO_PURPOSE = 'borrow_no_purpose'
RULES = (TICKET_OVERDUE, DISSATISFIED_NO_FOLLOWUP, IMPORTANT_NOT_VISITED, ACTION_OVERDUE, ARCHIVE_NOT_REVIEWED,
         FINE_OUT_OF_BAND, BORROW_NO_PURPOSE)
MAX_PARTS = 16


def _blank_sql(column):
    """SQL true when a text column holds nothing but whitespace (values.is_blank in SQL)."""
    return "COALESCE(btrim(%s, E' \\t\\r\\n'), '') = ''" % column


def _quoted(values):
    return ', '.join("'%s'" % v for v in values)


def parts(now_sql='(now() AT TIME ZONE \'UTC\')', today_sql='CURRENT_DATE'):
    """[(rule, SELECT)] of every rule; ``now_sql`` a naive UTC timestamp, ``today_sql`` a date."""
    complaint = "t.cs_kind = '%s' AND %s" % (deadlines.COMPLAINT, teams.governed_sql('t'))
    return [
        # a complaint is answered within its deadline: open past it, or closed without a reply
        (TICKET_OVERDUE, """
            SELECT t.id AS source_id, 'helpdesk.ticket' AS res_model, t.id AS res_id,
                   concat_ws(' ', t.number, t.name) AS name, t.company_id,
                   CASE WHEN t.cs_closed_date IS NULL THEN t.cs_deadline ELSE t.cs_closed_date END AS since
              FROM helpdesk_ticket t
             WHERE %s AND t.active
               AND ((t.cs_closed_date IS NULL AND t.cs_deadline < %s)
                    OR (t.cs_closed_date IS NOT NULL AND %s))""" % (complaint, now_sql, _blank_sql('t.cs_reply'))),
        # a dissatisfied opinion needs a re-handling or a revisit before closing
        (DISSATISFIED_NO_FOLLOWUP, """
            SELECT t.id, 'helpdesk.ticket', t.id, concat_ws(' ', t.number, t.name), t.company_id, t.cs_closed_date
              FROM helpdesk_ticket t
             WHERE %s AND t.cs_closed_date IS NOT NULL AND t.cs_customer_opinion = '%s'
               AND (t.cs_followup IS NULL OR t.cs_followup NOT IN (%s))""" % (
            complaint, deadlines.DISSATISFIED, _quoted(followups.FOLLOWUPS))),
        # VIP and key customers are visited in every period of their rules (coverage 100 %)
        (IMPORTANT_NOT_VISITED, """
            SELECT MIN(v.id), 'res.partner', v.partner_id, concat_ws(' ', MIN(p.name), v.period_key), v.company_id,
                   MIN(v.planned_date)::timestamp
              FROM cs_visit v
              JOIN res_partner p ON p.id = v.partner_id
              JOIN cs_tier tr ON tr.id = p.cs_tier_id
              JOIN cs_visit_policy_line l ON l.id = v.policy_line_id AND l.tier_id = p.cs_tier_id
             WHERE v.origin = 'policy' AND NOT COALESCE(v.cs_auto_cancelled, FALSE) AND tr.code IN (%s)
             GROUP BY v.partner_id, v.company_id, v.period_key
            HAVING NOT bool_or(v.state = 'done') AND bool_or(v.state = 'overdue')""" % _quoted((tiers.VIP, tiers.KEY))),
        # corrective and preventive actions are done by their due date (followups.action_overdue)
        (ACTION_OVERDUE, """
            SELECT a.id, 'helpdesk.ticket', t.id, concat_ws(' ', t.number, a.name), t.company_id,
                   a.date_deadline::timestamp
              FROM cs_ticket_action a JOIN helpdesk_ticket t ON t.id = a.ticket_id
             WHERE NOT COALESCE(a.done, FALSE) AND a.date_deadline < %s""" % today_sql),
        # archives are re-verified every quarter (archives.needs_review: reviewed since the quarter began)
        (ARCHIVE_NOT_REVIEWED, """
            SELECT ar.id, 'cs.customer.archive', ar.id, p.name, ar.company_id, ar.last_review_date::timestamp
              FROM cs_customer_archive ar JOIN res_partner p ON p.id = ar.partner_id
             WHERE ar.active AND (ar.last_review_date IS NULL
                                  OR ar.last_review_date < date_trunc('quarter', %s)::date)""" % today_sql),
        # a fine lies within the band of the person's role (rewards.check_amount), unless a reason was given
        (FINE_OUT_OF_BAND, """
            SELECT r.id, 'cs.reward.penalty', r.id, r.name, r.company_id, r.date::timestamp
              FROM cs_reward_penalty r
              JOIN cs_penalty_band b ON b.company_id = r.company_id AND b.role = r.band_role
             WHERE r.kind = '%s' AND r.reason_type IS DISTINCT FROM '%s' AND r.state != 'cancelled'
               AND (COALESCE(r.amount, 0) < b.min_amount OR COALESCE(r.amount, 0) > b.max_amount)
               AND %s""" % (rewards.PENALTY, rewards.COMPENSATION, _blank_sql('r.override_reason'))),
        # every borrowing (read) of an archive is registered with its purpose: cards and reads
        (BORROW_NO_PURPOSE, """
            SELECT c.id, 'cs.archive.borrow', c.id, c.name, c.company_id, c.create_date
              FROM cs_archive_borrow c WHERE %s""" % _blank_sql('c.purpose')),
        (BORROW_NO_PURPOSE, """
            SELECT g.id, 'cs.archive.access.log', g.id, p.name, g.company_id, g.access_time
              FROM cs_archive_access_log g JOIN res_partner p ON p.id = g.partner_id
             WHERE %s""" % _blank_sql('g.purpose')),
    ]


def view_sql(now_sql='(now() AT TIME ZONE \'UTC\')', today_sql='CURRENT_DATE'):
    """The SELECT of the compliance view: every rule's rows with a unique id and the rule's code."""
    selects = []
    for index, (rule, select) in enumerate(parts(now_sql, today_sql)):
        selects.append("SELECT r.source_id * %d + %d AS id, '%s'::varchar AS rule, r.res_model::varchar AS res_model, "
                       "r.res_id, r.name::varchar AS name, r.company_id, r.since "
                       "FROM (%s) AS r(source_id, res_model, res_id, name, company_id, since)"
                       % (MAX_PARTS, index, rule, select))
    return '\nUNION ALL\n'.join(selects)
