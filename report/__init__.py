from . import cs_reward_statement
from . import cs_complaint_summary
from . import helpdesk_ticket_report
from . import cs_lost_customer
from . import cs_visit_report
from . import cs_visit_report_xlsx
