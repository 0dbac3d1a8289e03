<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Columns</name>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="16"/>
        <source>任务内容</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="17"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="18"/>
        <source>企业名称</source>
        <translation>Enterprise name</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="19"/>
        <source>企业性质</source>
        <translation>Ownership</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="20"/>
        <source>出发日期</source>
        <translation>Departure</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="21"/>
        <source>办理时限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="22"/>
        <source>办理状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="23"/>
        <source>参会企业数</source>
        <translation>Enterprises attending</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="24"/>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="25"/>
        <source>完成日期</source>
        <translation>Done on</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="26"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="27"/>
        <source>带队领导</source>
        <translation>Delegation leader</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="28"/>
        <source>总部所在地</source>
        <translation>Headquarters</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="29"/>
        <source>意向投资(亿元)</source>
        <translation>Intended (100M yuan)</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="30"/>
        <source>截止日期</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="31"/>
        <source>所属行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="32"/>
        <source>拜访企业数</source>
        <translation>Enterprises visited</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="33"/>
        <source>提出日期</source>
        <translation>Raised on</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="34"/>
        <source>最近进展</source>
        <translation>Last progress</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="35"/>
        <source>服务专员</source>
        <translation>Commissioner</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="36"/>
        <source>服务内容</source>
        <translation>Services</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="37"/>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="38"/>
        <source>活动名称</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="39"/>
        <source>活动日期</source>
        <translation>Event date</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="40"/>
        <source>活动类型</source>
        <translation>Event type</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="41"/>
        <source>电子邮箱</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="42"/>
        <source>目标市州</source>
        <translation>Destination</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="43"/>
        <source>签约金额(亿元)</source>
        <translation>Signed (100M yuan)</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="44"/>
        <source>简称</source>
        <translation>Short name</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="45"/>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="46"/>
        <source>统一社会信用代码</source>
        <translation>Credit code</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="47"/>
        <source>职务</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="48"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="49"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="50"/>
        <source>计划投资(亿元)</source>
        <translation>Planned (100M yuan)</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="51"/>
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="52"/>
        <source>诉求内容</source>
        <translation>Demand</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="53"/>
        <source>诉求类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="54"/>
        <source>负责人</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="55"/>
        <source>责任部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="56"/>
        <source>走访形式</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="57"/>
        <source>走访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="58"/>
        <source>走访目的</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="59"/>
        <source>起始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="60"/>
        <source>返回日期</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="61"/>
        <source>重点企业</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="62"/>
        <source>项目名称</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="63"/>
        <source>项目状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="64"/>
        <source>项目阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/column_labels.py" line="65"/>
        <source>领导职级</source>
        <translation>Leader rank</translation>
    </message>
</context>
<context>
    <name>CommissionersPage</name>
    <message>
        <location filename="../../zsdesk/ui/pages/people.py" line="21"/>
        <source>服务专员</source>
        <translation>Commissioners</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/people.py" line="22"/>
        <source>只看在任</source>
        <translation>Current only</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/people.py" line="32"/>
        <source>指派…</source>
        <translation>Assign…</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/people.py" line="39"/>
        <source>有 %1 家重点企业尚无服务专员</source>
        <translation>%1 key enterprises have no commissioner yet</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/people.py" line="59"/>
        <source>指派服务专员</source>
        <translation>Assign commissioner</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="152"/>
        <location filename="../../zsdesk/ui/pages/sync.py" line="210"/>
        <location filename="../../zsdesk/ui/pages/sync.py" line="215"/>
        <source>同步冲突</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="157"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="158"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="159"/>
        <source>本机</source>
        <translation>Local</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="160"/>
        <source>服务器</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="161"/>
        <source>原值</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="162"/>
        <source>修改人</source>
        <translation>Changed by</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="165"/>
        <source>保留本机</source>
        <translation>Keep local</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="166"/>
        <source>采用服务器</source>
        <translation>Use server</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="169"/>
        <source>恢复原值</source>
        <translation>Restore original</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="210"/>
        <source>同步模块尚未安装，暂不能处理冲突。</source>
        <translation>The sync module is not installed; conflicts cannot be resolved yet.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="51"/>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="56"/>
        <source>截止日期</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="56"/>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="56"/>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="59"/>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="62"/>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="65"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="56"/>
        <source>负责人</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="59"/>
        <source>办理时限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="59"/>
        <source>诉求</source>
        <translation>Demand</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="59"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="62"/>
        <source>最近进展</source>
        <translation>Last progress</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="62"/>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="62"/>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="65"/>
        <source>发现日期</source>
        <translation>Noticed on</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="65"/>
        <source>情形</source>
        <translation>Occasion</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="65"/>
        <source>走访期限</source>
        <translation>Visit by</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="84"/>
        <source>今天到期及逾期的任务</source>
        <translation>Tasks due today or overdue</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="85"/>
        <source>临期及逾期的诉求</source>
        <translation>Demands due soon or overdue</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="86"/>
        <source>停滞项目</source>
        <translation>Stalled projects</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="87"/>
        <source>六必访待走访</source>
        <translation>Six must-visit occasions due</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="94"/>
        <source>本期工作量：实际 / 目标 / 去年同期</source>
        <translation>This period: actual / target / same period last year</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="96"/>
        <source>统计周期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="53"/>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="142"/>
        <source>正在加载…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="165"/>
        <source>停滞项目（%1 天无进展）</source>
        <translation>Stalled projects (no progress for %1 days)</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="167"/>
        <source>任务 %1 项（逾期 %2）</source>
        <translation>%1 tasks (%2 overdue)</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="170"/>
        <source>诉求 %1 项</source>
        <translation>%1 demands</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="171"/>
        <source>停滞项目 %1 个</source>
        <translation>%1 stalled projects</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="174"/>
        <source>%1 家重点企业无服务专员</source>
        <translation>%1 key enterprises without a commissioner</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="175"/>
        <source>今天 %1：</source>
        <translation>Today %1: </translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="175"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="188"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="205"/>
        <source>统计模块尚未安装</source>
        <translation>The statistics module is not installed</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="209"/>
        <source>正在计算…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="218"/>
        <source>统计暂不可用：%1</source>
        <translation>Statistics unavailable: %1</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="237"/>
        <source>本期实际</source>
        <translation>Actual</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="237"/>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="237"/>
        <source>去年同期</source>
        <translation>Same period last year</translation>
    </message>
</context>
<context>
    <name>DemandsPage</name>
    <message>
        <location filename="../../zsdesk/ui/pages/followups.py" line="26"/>
        <source>企业诉求</source>
        <translation>Enterprise demands</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/followups.py" line="27"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/followups.py" line="28"/>
        <source>只看未办结</source>
        <translation>Open only</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/followups.py" line="34"/>
        <source>办理…</source>
        <translation>Handle…</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/followups.py" line="71"/>
        <source>办理诉求：%1</source>
        <translation>Handle demand: %1</translation>
    </message>
</context>
<context>
    <name>EnterpriseDetail</name>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="48"/>
        <source>基本信息</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="51"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="51"/>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="51"/>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="54"/>
        <source>时间线</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="62"/>
        <source>添加联系人</source>
        <translation>Add contact</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="67"/>
        <source>联系人</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="70"/>
        <source>登记六必访情形…</source>
        <translation>Record a must-visit occasion…</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="71"/>
        <source>指派服务专员…</source>
        <translation>Assign commissioner…</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="72"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="112"/>
        <source>六必访：登记情形并生成走访任务</source>
        <translation>Six must-visits: record the occasion and create a visit task</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="127"/>
        <source>指派服务专员</source>
        <translation>Assign commissioner</translation>
    </message>
</context>
<context>
    <name>EnterpriseListEditor</name>
    <message>
        <location filename="../../zsdesk/ui/picker.py" line="95"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/picker.py" line="98"/>
        <source>双击移除</source>
        <translation>Double-click to remove</translation>
    </message>
</context>
<context>
    <name>EnterprisePicker</name>
    <message>
        <location filename="../../zsdesk/ui/picker.py" line="27"/>
        <source>输入企业名称或简称检索，如“新能源”</source>
        <translation>Type a name or short name to search, e.g. “新能源”</translation>
    </message>
</context>
<context>
    <name>EnterprisesPage</name>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="158"/>
        <source>企业库</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="159"/>
        <source>企业名称、简称或信用代码</source>
        <translation>Name, short name or credit code</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="160"/>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="161"/>
        <source>重点企业</source>
        <translation>Key enterprises</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="161"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="161"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="162"/>
        <source>合并重复…</source>
        <translation>Merge duplicates…</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="183"/>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="187"/>
        <source>合并重复企业</source>
        <translation>Merge duplicate enterprises</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="183"/>
        <source>请先按住 Ctrl 选中两家企业。</source>
        <translation>Hold Ctrl and select two enterprises first.</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="188"/>
        <source>保留哪一家？另一家的走访、项目、诉求等记录将并入保留的企业（可撤销）。</source>
        <translation>Which one do you keep? The other one’s visits, projects, demands and other records move to the one you keep (can be undone).</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="189"/>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="190"/>
        <source>保留“%1”</source>
        <translation>Keep “%1”</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="191"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="202"/>
        <source>合并失败</source>
        <translation>Merge failed</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="205"/>
        <source>已合并。可在“编辑”菜单中撤销合并。</source>
        <translation>Merged. You can undo the merge from the Edit menu.</translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message>
        <location filename="../../zsdesk/ui/pages/people.py" line="83"/>
        <source>推介会 / 招商活动</source>
        <translation>Promotion events</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../zsdesk/ui/first_run.py" line="46"/>
        <source>新数据库文件</source>
        <translation>New database file</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/first_run.py" line="60"/>
        <source>请填写数据库文件路径</source>
        <translation>Please enter the database file path</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/first_run.py" line="76"/>
        <source>打开数据库</source>
        <translation>Open database</translation>
    </message>
    <message>
        <location filename="../../forms/first_run.ui" line="6"/>
        <source>欢迎使用招商外勤</source>
        <translation>Welcome to Field Promotion</translation>
    </message>
    <message>
        <location filename="../../forms/first_run.ui" line="10"/>
        <source>首次使用：请新建本办事处的数据库，或打开已有数据库，也可以先打开演示数据看看。</source>
        <translation>First start: create your office’s database, open an existing one, or look around in the demo data first.</translation>
    </message>
    <message>
        <location filename="../../forms/first_run.ui" line="16"/>
        <source>新建数据库</source>
        <translation>New database</translation>
    </message>
    <message>
        <location filename="../../forms/first_run.ui" line="18"/>
        <source>数据库文件(&amp;F)</source>
        <translation>Database &amp;file</translation>
    </message>
    <message>
        <location filename="../../forms/first_run.ui" line="22"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../forms/first_run.ui" line="25"/>
        <source>办事处名称(&amp;O)*</source>
        <translation>&amp;Office name*</translation>
    </message>
    <message>
        <location filename="../../forms/first_run.ui" line="26"/>
        <source>如 省政府驻上海办事处</source>
        <translation>e.g. Provincial Government Office in Shanghai</translation>
    </message>
    <message>
        <location filename="../../forms/first_run.ui" line="27"/>
        <source>填报单位(&amp;U)</source>
        <translation>Reporting &amp;unit</translation>
    </message>
    <message>
        <location filename="../../forms/first_run.ui" line="28"/>
        <source>市(州)或办事处，默认同办事处名称</source>
        <translation>City or office; defaults to the office name</translation>
    </message>
    <message>
        <location filename="../../forms/first_run.ui" line="29"/>
        <source>使用人姓名(&amp;N)</source>
        <translation>Your &amp;name</translation>
    </message>
    <message>
        <location filename="../../forms/first_run.ui" line="42"/>
        <source>打开已有数据库…</source>
        <translation>Open existing database…</translation>
    </message>
    <message>
        <location filename="../../forms/first_run.ui" line="43"/>
        <source>打开演示数据</source>
        <translation>Open demo data</translation>
    </message>
    <message>
        <location filename="../../forms/first_run.ui" line="45"/>
        <source>新建并开始</source>
        <translation>Create and start</translation>
    </message>
    <message>
        <location filename="../../forms/first_run.ui" line="46"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../zsdesk/ui/excel_actions.py" line="34"/>
        <source>导入预检结果</source>
        <translation>Import dry run</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/excel_actions.py" line="40"/>
        <source>确认导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/excel_actions.py" line="45"/>
        <source>只导入无误的行</source>
        <translation>Import only the rows without errors</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/excel_actions.py" line="47"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <location filename="../../zsdesk/ui/jobs.py" line="136"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/jobs.py" line="185"/>
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../zsdesk/ui/list_page.py" line="61"/>
        <source>搜索…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/list_page.py" line="105"/>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/list_page.py" line="106"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/list_page.py" line="107"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/list_page.py" line="153"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/list_page.py" line="165"/>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/list_page.py" line="165"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/list_page.py" line="170"/>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/list_page.py" line="197"/>
        <source>共 %1 条</source>
        <translation>%1 in total</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/list_page.py" line="201"/>
        <source>正在查询…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/list_page.py" line="245"/>
        <source>删除失败</source>
        <translation>Delete failed</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/list_page.py" line="247"/>
        <source>已删除 %1 条。按 Ctrl+Z 撤销</source>
        <translation>Deleted %1. Press Ctrl+Z to undo</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="48"/>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="49"/>
        <source>走访</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="52"/>
        <source>企业</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="56"/>
        <source>项目</source>
        <translation>Projects</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="59"/>
        <source>服务专员</source>
        <translation>Commissioners</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="63"/>
        <source>诉求</source>
        <translation>Demands</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="64"/>
        <source>任务</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="65"/>
        <source>推介会/外出招商</source>
        <translation>Events and trips</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="66"/>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="67"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="81"/>
        <source>招商外勤 — %1</source>
        <translation>Field Promotion — %1</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="111"/>
        <source>查看任务</source>
        <translation>Show tasks</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="113"/>
        <source>知道了</source>
        <translation>Got it</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="215"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="216"/>
        <source>新建走访记录…</source>
        <translation>New visit…</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="218"/>
        <source>导入Excel…</source>
        <translation>Import Excel…</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="219"/>
        <source>导出Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="221"/>
        <source>打印周报…</source>
        <translation>Print weekly report…</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="223"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="225"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="226"/>
        <source>撤销删除</source>
        <translation>Undo delete</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="227"/>
        <source>撤销合并企业</source>
        <translation>Undo enterprise merge</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="228"/>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="229"/>
        <source>使用人姓名…</source>
        <translation>User name…</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="230"/>
        <source>停滞项目天数…</source>
        <translation>Days until a project is stalled…</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="231"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="232"/>
        <source>诊断信息…</source>
        <translation>Diagnostics…</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="233"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="258"/>
        <source>已恢复：%1</source>
        <translation>Restored: %1</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="258"/>
        <source>没有可撤销的删除</source>
        <translation>Nothing deleted to undo</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="265"/>
        <source>已撤销合并</source>
        <translation>Merge undone</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="265"/>
        <source>没有可撤销的合并</source>
        <translation>No merge to undo</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="271"/>
        <source>使用人</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="271"/>
        <source>姓名：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="283"/>
        <source>停滞项目</source>
        <translation>Stalled projects</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="284"/>
        <source>多少天无进展算停滞：</source>
        <translation>Days without progress before a project counts as stalled:</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="304"/>
        <source>关于招商外勤</source>
        <translation>About Field Promotion</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="305"/>
        <source>招商外勤桌面端
离线记录走访、项目、诉求与任务，打印周报和统计表，与省级服务器同步。
数据库：%1</source>
        <translation>Field Promotion desktop
Record visits, projects, demands and tasks offline, print weekly reports and statistics sheets, and sync with the provincial server.
Database: %1</translation>
    </message>
</context>
<context>
    <name>ProjectsPage</name>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="43"/>
        <source>招商项目</source>
        <translation>Projects</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="44"/>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="45"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="46"/>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="47"/>
        <source>推进阶段…</source>
        <translation>Advance stage…</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="49"/>
        <source>登记到位资金…</source>
        <translation>Record funds in place…</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="51"/>
        <source>阶段记录</source>
        <translation>Stage history</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="64"/>
        <source>列表</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="90"/>
        <source>看板（双击推进）</source>
        <translation>Board (double-click to advance)</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="121"/>
        <source>新建项目</source>
        <translation>New project</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="132"/>
        <source>编辑项目</source>
        <translation>Edit project</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="143"/>
        <source>推进阶段</source>
        <translation>Advance stage</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="143"/>
        <source>该项目已投产达产。</source>
        <translation>This project is already in full production.</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="161"/>
        <source>推进到“%1”</source>
        <translation>Advance to “%1”</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="165"/>
        <source>%1日期，如 2024-06-26</source>
        <translation>%1 date, e.g. 2024-06-26</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="178"/>
        <source>登记到位资金（可分多笔）</source>
        <translation>Record funds in place (several instalments allowed)</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="187"/>
        <source>阶段记录与到位资金</source>
        <translation>Stage history and funds in place</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="189"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="189"/>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="189"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="199"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../zsdesk/ui/record_dialog.py" line="75"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/record_dialog.py" line="76"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/record_dialog.py" line="127"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
</context>
<context>
    <name>StatsPage</name>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="72"/>
        <location filename="../../zsdesk/ui/pages/stats.py" line="263"/>
        <source>情况统计表</source>
        <translation>Statistics sheet</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="76"/>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="85"/>
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="91"/>
        <source>计算</source>
        <translation>Calculate</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="98"/>
        <source>单击任一数字查看其背后的记录。红底表示同比增长未达10%。</source>
        <translation>Click any figure to see the records behind it. Red: year-on-year growth below 10%.</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="103"/>
        <source>填报单位</source>
        <translation>Reporting unit</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="103"/>
        <source>周期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="104"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="109"/>
        <source>预览PDF</source>
        <translation>Preview PDF</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="110"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="111"/>
        <source>保存PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="112"/>
        <source>保存Excel…</source>
        <translation>Save Excel…</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="162"/>
        <source>正在计算统计表</source>
        <translation>Calculating the statistics sheet</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="170"/>
        <source>统计</source>
        <translation>Calculate</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="182"/>
        <source>市(州)</source>
        <translation>City (prefecture)</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="192"/>
        <source>去年同期：%1；同比：%2</source>
        <translation>Same period last year: %1; year on year: %2</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="216"/>
        <source>正在查询</source>
        <translation>Searching</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="226"/>
        <source>%1：%2 条记录</source>
        <translation>%1: %2 records</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="258"/>
        <source>生成统计表</source>
        <translation>Build statistics sheet</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="272"/>
        <source>保存统计表</source>
        <translation>Save statistics sheet</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="46"/>
        <source>与省级服务器同步</source>
        <translation>Sync with the provincial server</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="56"/>
        <source>留空则使用系统钥匙串中保存的密码</source>
        <translation>Leave empty to use the password saved in the system keyring</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="57"/>
        <source>连接</source>
        <translation>Connection</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="60"/>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="61"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="62"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="63"/>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="91"/>
        <source>待上传的修改：%1 条</source>
        <translation>Changes waiting to upload: %1</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="93"/>
        <source>被服务器拒绝：%1 条</source>
        <translation>Rejected by the server: %1</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="94"/>
        <source>上次同步：%1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="94"/>
        <source>从未同步</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="96"/>
        <source>上次错误：%1</source>
        <translation>Last error: %1</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="98"/>
        <source>冲突 (%1)</source>
        <translation>Conflicts (%1)</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="105"/>
        <location filename="../../zsdesk/ui/pages/sync.py" line="109"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="105"/>
        <source>同步模块尚未安装，暂不能同步。</source>
        <translation>The sync module is not installed; syncing is not available yet.</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="109"/>
        <source>请填写服务器地址和用户名。</source>
        <translation>Please enter the server address and user name.</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="132"/>
        <source>同步失败：%1</source>
        <translation>Sync failed: %1</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="136"/>
        <source>正在同步</source>
        <translation>Syncing</translation>
    </message>
</context>
<context>
    <name>TasksPage</name>
    <message>
        <location filename="../../zsdesk/ui/pages/followups.py" line="83"/>
        <source>跟进任务</source>
        <translation>Follow-up tasks</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/followups.py" line="84"/>
        <source>我的任务</source>
        <translation>My tasks</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/followups.py" line="86"/>
        <source>只看未完成</source>
        <translation>Not done only</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/followups.py" line="94"/>
        <source>标记完成</source>
        <translation>Mark done</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/followups.py" line="124"/>
        <source>已完成 %1 项任务</source>
        <translation>%1 tasks done</translation>
    </message>
</context>
<context>
    <name>TripsPage</name>
    <message>
        <location filename="../../zsdesk/ui/pages/people.py" line="112"/>
        <source>外出招商</source>
        <translation>Promotion trips</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../zsdesk/ui/visit_dialog.py" line="95"/>
        <source>保存 (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/visit_dialog.py" line="96"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/visit_dialog.py" line="132"/>
        <source>编辑走访记录</source>
        <translation>Edit visit</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/visit_dialog.py" line="148"/>
        <source>新增企业诉求（每行一条）</source>
        <translation>New enterprise demands (one per line)</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/visit_dialog.py" line="149"/>
        <source>新增下一步工作（每行一条）</source>
        <translation>New next steps (one per line)</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/visit_dialog.py" line="160"/>
        <source>诉求</source>
        <translation>Demand</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/visit_dialog.py" line="160"/>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/visit_dialog.py" line="169"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/visit_dialog.py" line="219"/>
        <source>新建企业</source>
        <translation>New enterprise</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/visit_dialog.py" line="219"/>
        <source>“%1”不在企业库中，是否新建该企业？</source>
        <translation>“%1” is not in the enterprise list. Create this enterprise?</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/visit_dialog.py" line="236"/>
        <source>选择附件</source>
        <translation>Choose attachments</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/visit_dialog.py" line="238"/>
        <source>图片和文档 (*.png *.jpg *.jpeg *.pdf *.doc *.docx);;所有文件 (*)</source>
        <translation>Images and documents (*.png *.jpg *.jpeg *.pdf *.doc *.docx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/visit_dialog.py" line="281"/>
        <location filename="../../zsdesk/ui/visit_dialog.py" line="294"/>
        <source>打开附件</source>
        <translation>Open attachment</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/visit_dialog.py" line="281"/>
        <source>附件文件尚未同步到本机，暂时无法打开。</source>
        <translation>The attachment’s file has not been synced to this computer yet, so it cannot be opened.</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/visit_dialog.py" line="294"/>
        <source>没有可以打开“%1”的程序。</source>
        <translation>No program can open “%1”.</translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="6"/>
        <source>走访记录</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="13"/>
        <source>走访日期(&amp;D)*</source>
        <translation>Visit &amp;date*</translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="14"/>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="15"/>
        <source>企业(&amp;E)*</source>
        <translation>&amp;Enterprise*</translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="19"/>
        <source>新建企业…</source>
        <translation>New enterprise…</translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="22"/>
        <source>走访形式(&amp;F)*</source>
        <translation>Visit &amp;form*</translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="24"/>
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="26"/>
        <source>参加人员(&amp;P)</source>
        <translation>&amp;Participants</translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="27"/>
        <source>多人用顿号、分隔</source>
        <translation>Separate several names with 、</translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="28"/>
        <source>带队领导(&amp;L)</source>
        <translation>Delegation &amp;leader</translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="32"/>
        <source>职级，如 副主任</source>
        <translation>Rank, e.g. Deputy Director</translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="35"/>
        <source>走访目的</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="37"/>
        <source>洽谈内容(&amp;M)</source>
        <translation>&amp;Minutes</translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="39"/>
        <source>投资意向</source>
        <translation>Investment intention</translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="42"/>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="44"/>
        <source>金额（亿元）</source>
        <translation>Amount (100M yuan)</translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="45"/>
        <source>如 2.5</source>
        <translation>e.g. 2.5</translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="46"/>
        <source>落地城市</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="48"/>
        <source>园区</source>
        <translation>Park</translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="49"/>
        <source>如 临港新片区</source>
        <translation>e.g. Lingang New Area</translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="56"/>
        <source>企业诉求（每行一条，保存后生成诉求记录）</source>
        <translation>Enterprise demands (one per line; saved as demand records)</translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="58"/>
        <source>下一步工作（每行一条，保存后生成跟进任务）</source>
        <translation>Next steps (one per line; saved as follow-up tasks)</translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="60"/>
        <source>本次走访已有的诉求和任务</source>
        <translation>Demands and tasks already raised at this visit</translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="62"/>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="63"/>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="64"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="65"/>
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="69"/>
        <source>附件（照片、名片、函件，可拖入）</source>
        <translation>Attachments (photos, business cards, letters; drop files here)</translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="70"/>
        <source>添加附件…</source>
        <translation>Add attachment…</translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="77"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="78"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <location filename="../../zsdesk/ui/pages/visits.py" line="16"/>
        <source>走访记录</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/visits.py" line="17"/>
        <source>搜索企业名称、洽谈内容…</source>
        <translation>Search enterprise names, minutes…</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/visits.py" line="19"/>
        <source>办事处</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/visits.py" line="20"/>
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/visits.py" line="22"/>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/visits.py" line="23"/>
        <source>形式</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/visits.py" line="24"/>
        <source>打印走访纪要…</source>
        <translation>Print visit minutes…</translation>
    </message>
</context>
<context>
    <name>box</name>
    <message>
        <location filename="../../zsdesk/ui/enterprise_dialogs.py" line="39"/>
        <source>可能重复的企业</source>
        <translation>Possible duplicate enterprises</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/enterprise_dialogs.py" line="40"/>
        <source>已有以下企业可能是同一家：
%1

请确认是否仍要新建。</source>
        <translation>These enterprises may be the same one:
%1

Do you still want to create a new one?</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/enterprise_dialogs.py" line="41"/>
        <source>使用已有企业</source>
        <translation>Use existing enterprise</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/enterprise_dialogs.py" line="42"/>
        <source>仍然新建</source>
        <translation>Create anyway</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/enterprise_dialogs.py" line="43"/>
        <source>返回修改</source>
        <translation>Go back and edit</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../zsdesk/ui/enterprise_dialogs.py" line="65"/>
        <source>新建企业</source>
        <translation>New enterprise</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../zsdesk/ui/main.py" line="165"/>
        <source>招商外勤</source>
        <translation>Field Promotion</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../zsdesk/ui/excel_actions.py" line="24"/>
        <source>表类型：</source>
        <translation>Sheet type:</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/excel_actions.py" line="61"/>
        <source>导入Excel</source>
        <translation>Import Excel</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/excel_actions.py" line="66"/>
        <source>选择要导入的Excel文件</source>
        <translation>Choose the Excel file to import</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/excel_actions.py" line="83"/>
        <source>正在导入</source>
        <translation>Importing</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/excel_actions.py" line="92"/>
        <source>正在检查Excel文件</source>
        <translation>Checking the Excel file</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/excel_actions.py" line="96"/>
        <source>导出Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/excel_actions.py" line="100"/>
        <source>导出到</source>
        <translation>Export to</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/excel_actions.py" line="110"/>
        <source>已导出 %1 行到 %2</source>
        <translation>Exported %1 rows to %2</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/excel_actions.py" line="113"/>
        <source>正在导出</source>
        <translation>Exporting</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="282"/>
        <location filename="../../zsdesk/ui/report_actions.py" line="40"/>
        <source>保存失败</source>
        <translation>Save failed</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/report_actions.py" line="33"/>
        <source>保存PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/report_actions.py" line="50"/>
        <source>走访纪要</source>
        <translation>Visit minutes</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/report_actions.py" line="54"/>
        <source>正在生成走访纪要</source>
        <translation>Building the visit minutes</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/report_actions.py" line="62"/>
        <source>周报</source>
        <translation>Weekly report</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/report_actions.py" line="62"/>
        <source>周次（如 2024-W26）：</source>
        <translation>Week (e.g. 2024-W26):</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/report_actions.py" line="73"/>
        <source>周报 %1</source>
        <translation>Weekly report %1</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/report_actions.py" line="77"/>
        <source>正在生成周报</source>
        <translation>Building the weekly report</translation>
    </message>
</context>
<context>
    <name>preview</name>
    <message>
        <location filename="../../zsdesk/ui/report_actions.py" line="21"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/report_actions.py" line="22"/>
        <source>保存PDF…</source>
        <translation>Save PDF…</translation>
    </message>
</context>
<context>
    <name>tabs</name>
    <message>
        <location filename="../../zsdesk/ui/pages/people.py" line="122"/>
        <source>推介会</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/people.py" line="123"/>
        <source>外出招商</source>
        <translation>Promotion trips</translation>
    </message>
</context>
</TS>
