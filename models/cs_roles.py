"""The XML ids of the addon's groups, in one place (security/cs_security.xml defines them). Code asks
``res.users`` (models/res_users.py) whether a user holds a role instead of testing these itself."""
AGENT = 'customer_service_mgmt.group_cs_agent'
QUALITY = 'customer_service_mgmt.group_cs_quality'
MANAGER = 'customer_service_mgmt.group_cs_manager'
GM = 'customer_service_mgmt.group_cs_gm'
SALESPERSON = 'customer_service_mgmt.group_cs_salesperson'
INFO_SUPERVISOR = 'customer_service_mgmt.group_cs_info_supervisor'
DEPARTMENT_MANAGER = 'customer_service_mgmt.group_cs_department_manager'
DEPUTY_GM = 'customer_service_mgmt.group_cs_deputy_gm'
SYSTEM = 'base.group_system'
