<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Columns</name>
    <message>
        <location filename="../../ui/column_labels.py" line="18"/>
        <source>任务内容</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="19"/>
        <location filename="../../ui/pages/stats_drill.py" line="19"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="20"/>
        <source>企业名称</source>
        <translation>Enterprise name</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="21"/>
        <source>企业性质</source>
        <translation>Ownership</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="22"/>
        <source>出发日期</source>
        <translation>Departure</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="23"/>
        <source>办理时限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="24"/>
        <source>办理状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="25"/>
        <source>参会企业数</source>
        <translation>Enterprises attending</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="26"/>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="27"/>
        <source>完成日期</source>
        <translation>Done on</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="28"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="29"/>
        <source>带队领导</source>
        <translation>Delegation leader</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="30"/>
        <source>总部所在地</source>
        <translation>Headquarters</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="31"/>
        <source>意向投资(亿元)</source>
        <translation>Intended (100M yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="32"/>
        <source>截止日期</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="33"/>
        <source>所属行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="34"/>
        <source>拜访企业数</source>
        <translation>Enterprises visited</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="35"/>
        <source>提出日期</source>
        <translation>Raised on</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="36"/>
        <source>最近进展</source>
        <translation>Last progress</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="37"/>
        <source>服务专员</source>
        <translation>Service commissioner</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="38"/>
        <source>服务内容</source>
        <translation>Services</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="39"/>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="40"/>
        <source>活动名称</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="41"/>
        <source>活动日期</source>
        <translation>Event date</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="42"/>
        <source>活动类型</source>
        <translation>Event type</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="43"/>
        <source>电子邮箱</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="44"/>
        <source>目标市州</source>
        <translation>Destination</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="45"/>
        <source>签约金额(亿元)</source>
        <translation>Signed (100M yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="46"/>
        <source>简称</source>
        <translation>Short name</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="47"/>
        <location filename="../../ui/column_labels.py" line="72"/>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="48"/>
        <source>统一社会信用代码</source>
        <translation>Credit code</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="49"/>
        <source>职务</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="50"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="51"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="52"/>
        <source>计划投资(亿元)</source>
        <translation>Planned (100M yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="53"/>
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="54"/>
        <source>诉求内容</source>
        <translation>Demand</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="55"/>
        <source>诉求类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="56"/>
        <source>负责人</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="57"/>
        <source>责任部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="58"/>
        <source>走访形式</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="59"/>
        <source>走访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="60"/>
        <source>走访目的</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="61"/>
        <source>起始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="62"/>
        <source>返回日期</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="63"/>
        <source>重点企业</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="64"/>
        <source>项目名称</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="65"/>
        <source>项目状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="66"/>
        <source>项目阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="67"/>
        <source>领导职级</source>
        <translation>Leader rank</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="69"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="70"/>
        <source>行动名称</source>
        <translation>Campaign name</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="71"/>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="73"/>
        <source>走访目标企业(家)</source>
        <translation>Target enterprises visited</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="74"/>
        <source>党政负责同志带队招商(次)</source>
        <translation>Trips led by party/government heads</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="75"/>
        <source>同比增长(%)</source>
        <translation>Year-on-year growth (%)</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="77"/>
        <location filename="../../ui/column_labels.py" line="145"/>
        <source>外出招商</source>
        <translation>Promotion trip</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="78"/>
        <location filename="../../ui/column_labels.py" line="146"/>
        <source>是否党政负责同志</source>
        <translation>Led by party/government head</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="81"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="82"/>
        <source>下一步工作</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="83"/>
        <source>企业诉求</source>
        <translation>Enterprise demands</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="84"/>
        <source>到位日期</source>
        <translation>Date funds in place</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="85"/>
        <source>到位资金(亿元)</source>
        <translation>Funds in place (100M yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="86"/>
        <location filename="../../ui/pages/stats_drill.py" line="18"/>
        <source>办事处</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="87"/>
        <source>办事处名称</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="88"/>
        <source>办结日期</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="89"/>
        <source>原阶段</source>
        <translation>Previous stage</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="90"/>
        <source>参会企业</source>
        <translation>Attending enterprises</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="91"/>
        <source>参加人员</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="92"/>
        <source>发现日期</source>
        <translation>Noticed on</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="93"/>
        <source>召开推介会(次)</source>
        <translation>Promotion events held</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="94"/>
        <location filename="../../ui/pages/stats_drill.py" line="14"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="95"/>
        <source>回应内容</source>
        <translation>Response</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="96"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="97"/>
        <location filename="../../ui/pages/stats_drill.py" line="17"/>
        <source>填报单位</source>
        <translation>Reporting unit</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="98"/>
        <location filename="../../ui/pages/stats_drill.py" line="24"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="99"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="100"/>
        <source>工作班子</source>
        <translation>Working team</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="101"/>
        <source>已合并到</source>
        <translation>Merged into</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="102"/>
        <source>开工日期</source>
        <translation>Construction start</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="103"/>
        <source>开工项目数(个)</source>
        <translation>Projects started</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="104"/>
        <source>情况说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="105"/>
        <source>意向园区</source>
        <translation>Intended park</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="106"/>
        <source>意向市州</source>
        <translation>Intended city</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="107"/>
        <source>意向投资额(亿元)</source>
        <translation>Intended investment (100M yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="108"/>
        <source>意向行业</source>
        <translation>Intended industry</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="109"/>
        <source>所属记录</source>
        <translation>Owner record</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="110"/>
        <source>所属记录类型</source>
        <translation>Owner record type</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="111"/>
        <source>投产日期</source>
        <translation>Production start</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="112"/>
        <source>拜访企业</source>
        <translation>Enterprises visited</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="113"/>
        <source>拜访企业(户)</source>
        <translation>Enterprises visited</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="114"/>
        <source>推进措施</source>
        <translation>Measures</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="115"/>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="116"/>
        <source>新增到位资金(亿元)</source>
        <translation>New funds (100M yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="117"/>
        <source>新阶段</source>
        <translation>New stage</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="118"/>
        <source>无法解决原因</source>
        <translation>Why it cannot be resolved</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="119"/>
        <location filename="../../ui/pages/stats_drill.py" line="15"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="120"/>
        <location filename="../../ui/pages/stats_drill.py" line="23"/>
        <source>最近走访</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="121"/>
        <source>最近进展日期</source>
        <translation>Last progress</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="122"/>
        <source>来源走访</source>
        <translation>Source visit</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="123"/>
        <source>洽谈内容</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="124"/>
        <source>洽谈项目</source>
        <translation>Projects discussed</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="125"/>
        <source>状态说明</source>
        <translation>Status note</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="126"/>
        <source>目标园区</source>
        <translation>Target park</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="127"/>
        <source>签约日期</source>
        <translation>Signing date</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="128"/>
        <source>签约项目</source>
        <translation>Signed projects</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="129"/>
        <source>签约项目(个)</source>
        <translation>Projects signed</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="130"/>
        <location filename="../../ui/pages/stats_drill.py" line="16"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="131"/>
        <source>联系领导</source>
        <translation>Liaison leader</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="132"/>
        <source>落地日期</source>
        <translation>Landing date</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="133"/>
        <source>落地项目数(个)</source>
        <translation>Projects landed</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="134"/>
        <source>触发情形</source>
        <translation>Occasion</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="135"/>
        <source>诉求</source>
        <translation>Demand</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="147"/>
        <source>本次走访数</source>
        <translation>Visits on trip</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="148"/>
        <source>签约项目数</source>
        <translation>Projects signed</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="76"/>
        <location filename="../../ui/column_labels.py" line="136"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="137"/>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="138"/>
        <source>走访</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="139"/>
        <source>走访任务</source>
        <translation>Visit task</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="141"/>
        <location filename="../../ui/pages/stats_drill.py" line="21"/>
        <source>走访次数</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="142"/>
        <source>附件类别</source>
        <translation>Attachment type</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="143"/>
        <location filename="../../ui/pages/stats_drill.py" line="20"/>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="144"/>
        <location filename="../../ui/pages/stats_drill.py" line="22"/>
        <source>首次走访</source>
        <translation>First visit</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="140"/>
        <source>履行走访</source>
        <translation>Fulfilling visit</translation>
    </message>
</context>
<context>
    <name>CommissionersPage</name>
    <message>
        <location filename="../../ui/pages/people.py" line="21"/>
        <source>服务专员</source>
        <translation>Commissioners</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="22"/>
        <source>只看在任</source>
        <translation>Current only</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="32"/>
        <source>指派…</source>
        <translation>Assign…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="45"/>
        <source>有 %1 家重点企业尚无服务专员</source>
        <translation>%1 key enterprises have no commissioner yet</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="57"/>
        <source>请选择企业</source>
        <translation>Choose an enterprise</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="59"/>
        <source>服务专员为必填项</source>
        <translation>Service commissioner is required</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="71"/>
        <source>指派服务专员</source>
        <translation>Assign commissioner</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../ui/pages/sync.py" line="142"/>
        <location filename="../../ui/pages/sync.py" line="203"/>
        <source>同步冲突</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="147"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="148"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="149"/>
        <source>本机</source>
        <translation>Local</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="150"/>
        <source>服务器</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="151"/>
        <source>原值</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="152"/>
        <source>修改人</source>
        <translation>Changed by</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="155"/>
        <source>保留本机</source>
        <translation>Keep local</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="156"/>
        <source>采用服务器</source>
        <translation>Use server</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="159"/>
        <source>恢复原值</source>
        <translation>Restore original</translation>
    </message>
    <message>
        <source>同步模块尚未安装，暂不能处理冲突。</source>
        <translation type="vanished">The sync module is not installed; conflicts cannot be resolved yet.</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="29"/>
        <source>%1月%2日至%3月%4日</source>
        <translation>%1/%2 to %3/%4</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="53"/>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="61"/>
        <source>新建走访 (Ctrl+N)</source>
        <translation>New visit (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="67"/>
        <location filename="../../ui/pages/dashboard.py" line="71"/>
        <source>截止日期</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="67"/>
        <location filename="../../ui/pages/dashboard.py" line="71"/>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="67"/>
        <location filename="../../ui/pages/dashboard.py" line="71"/>
        <location filename="../../ui/pages/dashboard.py" line="76"/>
        <location filename="../../ui/pages/dashboard.py" line="80"/>
        <location filename="../../ui/pages/dashboard.py" line="84"/>
        <location filename="../../ui/pages/dashboard.py" line="89"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="71"/>
        <source>负责人</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="76"/>
        <source>办理时限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="76"/>
        <source>诉求</source>
        <translation>Demand</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="76"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="76"/>
        <source>责任部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="80"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="80"/>
        <source>形式</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="80"/>
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="84"/>
        <source>最近进展</source>
        <translation>Last progress</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="84"/>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="84"/>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="89"/>
        <source>发现日期</source>
        <translation>Noticed on</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="89"/>
        <source>情形</source>
        <translation>Occasion</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="89"/>
        <source>走访期限</source>
        <translation>Visit by</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="365"/>
        <source>%1（%2 至 %3 累计）：%4</source>
        <translation>%1 (cumulative, %2 to %3): %4</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="373"/>
        <source>%1：没有进行中的专项行动，不设目标</source>
        <translation>%1: no campaign running, so no targets</translation>
    </message>
    <message>
        <source>今天到期及逾期的任务</source>
        <translation type="vanished">Tasks due today or overdue</translation>
    </message>
    <message>
        <source>临期及逾期的诉求</source>
        <translation type="vanished">Demands due soon or overdue</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="114"/>
        <source>停滞项目</source>
        <translation>Stalled projects</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="115"/>
        <source>六必访待走访</source>
        <translation>Six must-visit occasions due</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="110"/>
        <source>我的任务</source>
        <translation>My tasks</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="111"/>
        <source>本办诉求（按办理时限）</source>
        <translation>Office&apos;s demands (by deadline)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="112"/>
        <source>本周走访</source>
        <translation>This week&apos;s visits</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="113"/>
        <source>团队逾期任务</source>
        <translation>Team&apos;s overdue tasks</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="128"/>
        <source>本期工作量：实际 / 目标 / 去年同期</source>
        <translation>This period: actual / target / same period last year</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="130"/>
        <source>统计周期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="232"/>
        <source>本周走访（%1）</source>
        <translation>This week&apos;s visits (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="235"/>
        <source>我的任务 %1 项（逾期 %2）</source>
        <translation>My tasks: %1 (%2 overdue)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="238"/>
        <source>本办未办结诉求 %1 项</source>
        <translation>open demands of the office: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="239"/>
        <source>本周走访 %1 次</source>
        <translation>visits this week: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="243"/>
        <source>团队逾期任务 %1 项</source>
        <translation>team&apos;s overdue tasks: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="249"/>
        <source>下一报送日 %1，还有 %2 天</source>
        <translation>Next report date %1, in %2 days</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="251"/>
        <source>今天是报送日（%1）</source>
        <translation>Today is a report date (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="320"/>
        <source>实际</source>
        <translation>Actual</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="337"/>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="363"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="55"/>
        <location filename="../../ui/pages/dashboard.py" line="189"/>
        <source>正在加载…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="230"/>
        <source>停滞项目（%1 天无进展）</source>
        <translation>Stalled projects (no progress for %1 days)</translation>
    </message>
    <message>
        <source>任务 %1 项（逾期 %2）</source>
        <translation type="vanished">%1 tasks (%2 overdue)</translation>
    </message>
    <message>
        <source>诉求 %1 项</source>
        <translation type="vanished">%1 demands</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="240"/>
        <source>停滞项目 %1 个</source>
        <translation>%1 stalled projects</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="245"/>
        <source>%1 家重点企业无服务专员</source>
        <translation>%1 key enterprises without a commissioner</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="246"/>
        <source>今天 %1：</source>
        <translation>Today %1: </translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="246"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="274"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>统计模块尚未安装</source>
        <translation type="vanished">The statistics module is not installed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="295"/>
        <source>正在计算…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="306"/>
        <source>统计暂不可用：%1</source>
        <translation>Statistics unavailable: %1</translation>
    </message>
    <message>
        <source>本期实际</source>
        <translation type="vanished">Actual</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="320"/>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="320"/>
        <source>去年同期</source>
        <translation>Same period last year</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../ui/dates.py" line="41"/>
        <source>如 2024-06-26 或 0626</source>
        <translation>e.g. 2024-06-26 or 0626</translation>
    </message>
    <message>
        <location filename="../../ui/dates.py" line="48"/>
        <source>选择日期 (F4)</source>
        <translation>Pick a date (F4)</translation>
    </message>
</context>
<context>
    <name>DemandsPage</name>
    <message>
        <location filename="../../ui/pages/followups.py" line="27"/>
        <source>企业诉求</source>
        <translation>Enterprise demands</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups.py" line="28"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups.py" line="29"/>
        <source>只看未办结</source>
        <translation>Open only</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups.py" line="35"/>
        <source>办理…</source>
        <translation>Handle…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups.py" line="67"/>
        <source>办理诉求：%1</source>
        <translation>Handle demand: %1</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <location filename="../../ui/diagnostics_dialog.py" line="35"/>
        <source>关于 / 诊断信息</source>
        <translation>About / diagnostics</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics_dialog.py" line="38"/>
        <source>联系信息化管理员时，请点击“复制”并把以下内容粘贴给对方。</source>
        <translation>When you contact the IT administrator, click &quot;Copy&quot; and paste the text below for them.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics_dialog.py" line="44"/>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics_dialog.py" line="58"/>
        <source>已复制</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>EnterpriseDetail</name>
    <message>
        <location filename="../../ui/pages/enterprises.py" line="54"/>
        <source>基本信息</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprises.py" line="57"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprises.py" line="57"/>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprises.py" line="57"/>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprises.py" line="60"/>
        <source>时间线</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprises.py" line="68"/>
        <source>添加联系人</source>
        <translation>Add contact</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprises.py" line="73"/>
        <source>联系人</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprises.py" line="76"/>
        <source>登记六必访情形…</source>
        <translation>Record a must-visit occasion…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprises.py" line="77"/>
        <source>指派服务专员…</source>
        <translation>Assign commissioner…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprises.py" line="78"/>
        <source>一企一档…</source>
        <translation>Enterprise file…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprises.py" line="79"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprises.py" line="138"/>
        <source>六必访：登记情形并生成走访任务</source>
        <translation>Six must-visits: record the occasion and create a visit task</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprises.py" line="154"/>
        <source>指派服务专员</source>
        <translation>Assign commissioner</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprises.py" line="174"/>
        <source>起始日期为必填项</source>
        <translation>Start date is required</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprises.py" line="100"/>
        <source>合并到已有企业</source>
        <translation>Merge into the existing enterprise</translation>
    </message>
</context>
<context>
    <name>EnterpriseDialogs</name>
    <message>
        <location filename="../../ui/enterprise_dialogs.py" line="85"/>
        <source>可能重复的企业</source>
        <translation>Possible duplicate enterprises</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialogs.py" line="87"/>
        <source>已有以下企业可能是同一家：
%1

请确认是否仍要新建。</source>
        <translation>These enterprises may be the same one:
%1

Do you still want to create a new one?</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialogs.py" line="92"/>
        <source>使用已有企业</source>
        <translation>Use existing enterprise</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialogs.py" line="95"/>
        <source>仍然新建</source>
        <translation>Create anyway</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialogs.py" line="44"/>
        <location filename="../../ui/enterprise_dialogs.py" line="98"/>
        <source>返回修改</source>
        <translation>Go back and edit</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialogs.py" line="108"/>
        <source>可能与已有企业重复，请修改名称或选择已有企业</source>
        <translation>This may duplicate an existing enterprise: change the name or choose the existing one</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialogs.py" line="141"/>
        <source>新建企业</source>
        <translation>New enterprise</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialogs.py" line="37"/>
        <source>统一社会信用代码已登记</source>
        <translation>Credit code already registered</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialogs.py" line="40"/>
        <source>打开已有企业</source>
        <translation>Open the existing enterprise</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_dialogs.py" line="73"/>
        <source>把填写的信息并入已有企业</source>
        <translation>Add what I typed to the existing enterprise</translation>
    </message>
</context>
<context>
    <name>EnterpriseListEditor</name>
    <message>
        <location filename="../../ui/picker.py" line="94"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/picker.py" line="97"/>
        <source>双击移除</source>
        <translation>Double-click to remove</translation>
    </message>
</context>
<context>
    <name>EnterprisePicker</name>
    <message>
        <location filename="../../ui/picker.py" line="26"/>
        <source>输入企业名称或简称检索，如“新能源”</source>
        <translation>Type a name or short name to search, e.g. &quot;新能源&quot;</translation>
    </message>
</context>
<context>
    <name>EnterprisesPage</name>
    <message>
        <location filename="../../ui/pages/enterprises.py" line="186"/>
        <source>企业库</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprises.py" line="187"/>
        <source>企业名称、简称或信用代码</source>
        <translation>Name, short name or credit code</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprises.py" line="188"/>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprises.py" line="189"/>
        <source>重点企业</source>
        <translation>Key enterprises</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprises.py" line="189"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprises.py" line="189"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprises.py" line="190"/>
        <source>合并重复…</source>
        <translation>Merge duplicates…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprises.py" line="211"/>
        <location filename="../../ui/pages/enterprises.py" line="215"/>
        <source>合并重复企业</source>
        <translation>Merge duplicate enterprises</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprises.py" line="211"/>
        <source>请先按住 Ctrl 选中两家企业。</source>
        <translation>Hold Ctrl and select two enterprises first.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprises.py" line="216"/>
        <source>保留哪一家？另一家的走访、项目、诉求等记录将并入保留的企业（可撤销）。</source>
        <translation>Which one do you keep? The other one&apos;s visits, projects, demands and other records move to the one you keep (can be undone).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprises.py" line="217"/>
        <location filename="../../ui/pages/enterprises.py" line="218"/>
        <source>保留“%1”</source>
        <translation>Keep &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprises.py" line="219"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprises.py" line="232"/>
        <source>合并失败</source>
        <translation>Merge failed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/enterprises.py" line="229"/>
        <source>已合并。可在“编辑”菜单中撤销合并。</source>
        <translation>Merged. You can undo the merge from the Edit menu.</translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message>
        <location filename="../../ui/pages/people.py" line="94"/>
        <source>推介会 / 招商活动</source>
        <translation>Promotion events</translation>
    </message>
</context>
<context>
    <name>ExcelActions</name>
    <message>
        <location filename="../../ui/excel_actions.py" line="23"/>
        <source>企业</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="24"/>
        <source>走访</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="25"/>
        <source>项目</source>
        <translation>Projects</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="26"/>
        <source>推介会</source>
        <translation>Promotion events</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="28"/>
        <source>诉求</source>
        <translation>Demands</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="29"/>
        <source>任务</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="30"/>
        <source>外出招商</source>
        <translation>Leader trips</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="31"/>
        <source>服务专员</source>
        <translation>Service commissioners</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="43"/>
        <source>表类型：</source>
        <translation>Sheet type:</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="81"/>
        <source>导入Excel</source>
        <translation>Import Excel</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="86"/>
        <source>选择要导入的Excel文件</source>
        <translation>Choose the Excel file to import</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="112"/>
        <source>正在导入</source>
        <translation>Importing</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="125"/>
        <source>正在检查Excel文件</source>
        <translation>Checking the Excel file</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="132"/>
        <source>导出Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="137"/>
        <source>导出到</source>
        <translation>Export to</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="148"/>
        <source>已导出 %1 行到 %2</source>
        <translation>Exported %1 rows to %2</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="154"/>
        <source>正在导出</source>
        <translation>Exporting</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../ui/fields.py" line="59"/>
        <source>如 2024-06-26</source>
        <translation>e.g. 2024-06-26</translation>
    </message>
    <message>
        <location filename="../../ui/fields.py" line="60"/>
        <source>亿元</source>
        <translation>100M yuan</translation>
    </message>
    <message>
        <location filename="../../ui/fields.py" line="61"/>
        <source>多项用顿号、分隔</source>
        <translation>Separate several with 、 or ,</translation>
    </message>
    <message>
        <location filename="../../ui/fields.py" line="62"/>
        <source>18位</source>
        <translation>18 characters</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../ui/first_run.py" line="47"/>
        <source>新数据库文件</source>
        <translation>New database file</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="61"/>
        <source>请填写数据库文件路径</source>
        <translation>Please enter the database file path</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="77"/>
        <source>打开数据库</source>
        <translation>Open database</translation>
    </message>
    <message>
        <location filename="../../../forms/first_run.ui" line="6"/>
        <source>欢迎使用招商外勤</source>
        <translation>Welcome to Field Promotion</translation>
    </message>
    <message>
        <location filename="../../../forms/first_run.ui" line="10"/>
        <source>首次使用：请新建本办事处的数据库，或打开已有数据库，也可以先打开演示数据看看。</source>
        <translation>First start: create your office&apos;s database, open an existing one, or look around in the demo data first.</translation>
    </message>
    <message>
        <location filename="../../../forms/first_run.ui" line="16"/>
        <source>新建数据库</source>
        <translation>New database</translation>
    </message>
    <message>
        <location filename="../../../forms/first_run.ui" line="18"/>
        <source>数据库文件(&amp;F)</source>
        <translation>Database &amp;file</translation>
    </message>
    <message>
        <location filename="../../../forms/first_run.ui" line="22"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../../forms/first_run.ui" line="25"/>
        <source>办事处名称(&amp;O)*</source>
        <translation>&amp;Office name*</translation>
    </message>
    <message>
        <location filename="../../../forms/first_run.ui" line="26"/>
        <source>如 省政府驻上海办事处</source>
        <translation>e.g. Provincial Government Office in Shanghai</translation>
    </message>
    <message>
        <location filename="../../../forms/first_run.ui" line="27"/>
        <source>填报单位(&amp;U)</source>
        <translation>Reporting &amp;unit</translation>
    </message>
    <message>
        <location filename="../../../forms/first_run.ui" line="28"/>
        <source>市(州)或办事处，默认同办事处名称</source>
        <translation>City or office; defaults to the office name</translation>
    </message>
    <message>
        <location filename="../../../forms/first_run.ui" line="29"/>
        <source>使用人姓名(&amp;N)</source>
        <translation>Your &amp;name</translation>
    </message>
    <message>
        <location filename="../../../forms/first_run.ui" line="42"/>
        <source>打开已有数据库…</source>
        <translation>Open existing database…</translation>
    </message>
    <message>
        <location filename="../../../forms/first_run.ui" line="43"/>
        <source>打开演示数据</source>
        <translation>Open demo data</translation>
    </message>
    <message>
        <location filename="../../../forms/first_run.ui" line="45"/>
        <source>新建并开始</source>
        <translation>Create and start</translation>
    </message>
    <message>
        <location filename="../../../forms/first_run.ui" line="46"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>FollowupRows</name>
    <message>
        <location filename="../../ui/followup_rows.py" line="68"/>
        <source>诉求</source>
        <translation>Demand</translation>
    </message>
    <message>
        <location filename="../../ui/followup_rows.py" line="69"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/followup_rows.py" line="70"/>
        <source>责任部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/followup_rows.py" line="71"/>
        <source>办理时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/followup_rows.py" line="77"/>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../ui/followup_rows.py" line="78"/>
        <source>负责人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../ui/followup_rows.py" line="79"/>
        <source>截止日期</source>
        <translation>Due date</translation>
    </message>
</context>
<context>
    <name>FormGuard</name>
    <message>
        <location filename="../../ui/guard.py" line="31"/>
        <source>是(&amp;Y)</source>
        <translation>&amp;Yes</translation>
    </message>
    <message>
        <location filename="../../ui/guard.py" line="32"/>
        <source>否(&amp;N)</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <location filename="../../ui/guard.py" line="82"/>
        <source>有一份 %1 未保存的草稿。</source>
        <translation>There is an unsaved draft from %1.</translation>
    </message>
    <message>
        <location filename="../../ui/guard.py" line="93"/>
        <source>恢复草稿(&amp;R)</source>
        <translation>&amp;Restore draft</translation>
    </message>
    <message>
        <location filename="../../ui/guard.py" line="95"/>
        <source>丢弃草稿</source>
        <translation>Discard draft</translation>
    </message>
    <message>
        <location filename="../../ui/guard.py" line="158"/>
        <source>放弃填写的内容</source>
        <translation>Discard what you typed</translation>
    </message>
    <message>
        <location filename="../../ui/guard.py" line="159"/>
        <source>已填写的内容尚未保存，确定放弃吗？</source>
        <translation>What you typed has not been saved. Discard it?</translation>
    </message>
</context>
<context>
    <name>HandoverActions</name>
    <message>
        <location filename="../../ui/handover_actions.py" line="44"/>
        <location filename="../../ui/handover_actions.py" line="81"/>
        <source>正在生成出访简报</source>
        <translation>Building the trip briefing</translation>
    </message>
    <message>
        <location filename="../../ui/handover_actions.py" line="45"/>
        <location filename="../../ui/handover_actions.py" line="60"/>
        <location filename="../../ui/handover_actions.py" line="73"/>
        <location filename="../../ui/handover_actions.py" line="82"/>
        <source>出访简报</source>
        <translation>Trip briefing</translation>
    </message>
    <message>
        <location filename="../../ui/handover_actions.py" line="61"/>
        <source>请先选中要拜访的企业（按住 Ctrl 或 Shift 可多选）。</source>
        <translation>Select the enterprises to visit first (hold Ctrl or Shift to select several).</translation>
    </message>
    <message>
        <location filename="../../ui/handover_actions.py" line="68"/>
        <source>已选中 %1 家企业。一份出访简报最多包含 %2 家，请缩小选择。</source>
        <translation>%1 enterprises selected. A briefing holds at most %2; please select fewer.</translation>
    </message>
    <message>
        <location filename="../../ui/handover_actions.py" line="97"/>
        <source>正在生成一企一档</source>
        <translation>Building the enterprise file</translation>
    </message>
    <message>
        <location filename="../../ui/handover_actions.py" line="98"/>
        <source>一企一档</source>
        <translation>Enterprise file</translation>
    </message>
    <message>
        <location filename="../../ui/handover_actions.py" line="113"/>
        <source>正在生成外出招商一表</source>
        <translation>Building the trip table</translation>
    </message>
    <message>
        <location filename="../../ui/handover_actions.py" line="114"/>
        <source>外出招商一表</source>
        <translation>Trip table</translation>
    </message>
    <message>
        <location filename="../../ui/handover_actions.py" line="142"/>
        <location filename="../../ui/handover_actions.py" line="173"/>
        <source>正在生成督办单</source>
        <translation>Building the follow-up sheet</translation>
    </message>
    <message>
        <location filename="../../ui/handover_actions.py" line="143"/>
        <source>督办单</source>
        <translation>Follow-up sheet</translation>
    </message>
    <message>
        <location filename="../../ui/handover_actions.py" line="151"/>
        <source>保存督办单</source>
        <translation>Save follow-up sheet</translation>
    </message>
    <message>
        <location filename="../../ui/handover_actions.py" line="164"/>
        <source>保存失败</source>
        <translation>Save failed</translation>
    </message>
</context>
<context>
    <name>HandoverHooks</name>
    <message>
        <location filename="../../ui/handover_hooks.py" line="19"/>
        <source>一企一档…</source>
        <translation>Enterprise file…</translation>
    </message>
    <message>
        <location filename="../../ui/handover_hooks.py" line="24"/>
        <source>出访简报…</source>
        <translation>Trip briefing…</translation>
    </message>
    <message>
        <location filename="../../ui/handover_hooks.py" line="40"/>
        <source>责任部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/handover_hooks.py" line="43"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/handover_hooks.py" line="45"/>
        <source>只看超期</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <location filename="../../ui/handover_hooks.py" line="52"/>
        <source>督办单</source>
        <translation>Follow-up sheet</translation>
    </message>
    <message>
        <location filename="../../ui/handover_hooks.py" line="56"/>
        <source>按责任部门打印督办单（PDF）…</source>
        <translation>Print follow-up sheets by department (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/handover_hooks.py" line="60"/>
        <source>导出督办单（Excel）…</source>
        <translation>Export follow-up sheet (Excel)…</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../ui/excel_actions.py" line="54"/>
        <source>导入预检结果</source>
        <translation>Import dry run</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="60"/>
        <source>确认导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="65"/>
        <source>只导入无误的行</source>
        <translation>Import only the rows without errors</translation>
    </message>
    <message>
        <location filename="../../ui/excel_actions.py" line="67"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <location filename="../../ui/jobs.py" line="51"/>
        <source>文件操作失败：%1</source>
        <translation>File operation failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/jobs.py" line="54"/>
        <source>程序内部错误：%1</source>
        <translation>Internal error: %1</translation>
    </message>
    <message>
        <location filename="../../ui/jobs.py" line="154"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/jobs.py" line="204"/>
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../ui/list_page.py" line="67"/>
        <source>搜索…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="118"/>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="119"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="120"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="181"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="209"/>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="209"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="214"/>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="242"/>
        <source>查询失败：%1</source>
        <translation>Query failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="244"/>
        <source>共 %1 条</source>
        <translation>%1 in total</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="248"/>
        <source>正在查询…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="306"/>
        <source> 等 %1 条</source>
        <translation> and others (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="312"/>
        <source>删除失败</source>
        <translation>Delete failed</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="316"/>
        <source>已删除 %1 条。按 Ctrl+Z 撤销</source>
        <translation>Deleted %1. Press Ctrl+Z to undo</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="56"/>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="57"/>
        <source>走访</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="60"/>
        <source>企业</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="64"/>
        <source>项目</source>
        <translation>Projects</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="67"/>
        <source>服务专员</source>
        <translation>Commissioners</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="71"/>
        <source>诉求</source>
        <translation>Demands</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="72"/>
        <source>任务</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="73"/>
        <source>推介会/外出招商</source>
        <translation>Events and trips</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="74"/>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="75"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>招商外勤 — %1</source>
        <translation type="vanished">Field Promotion — %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="146"/>
        <source>查看任务</source>
        <translation>Show tasks</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="148"/>
        <source>知道了</source>
        <translation>Got it</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="225"/>
        <source>招商外勤提醒</source>
        <translation>zsdesk reminder</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="315"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="316"/>
        <source>新建走访记录…</source>
        <translation>New visit…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="318"/>
        <source>导入Excel…</source>
        <translation>Import Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="319"/>
        <source>导出Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="321"/>
        <source>打印周报…</source>
        <translation>Print weekly report…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="323"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="325"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="326"/>
        <source>撤销删除</source>
        <translation>Undo delete</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="327"/>
        <source>撤销合并企业</source>
        <translation>Undo enterprise merge</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="328"/>
        <source>转到(&amp;G)</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="332"/>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="333"/>
        <source>使用人姓名…</source>
        <translation>User name…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="334"/>
        <source>停滞项目天数…</source>
        <translation>Days until a project is stalled…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="335"/>
        <source>我是组长（工作台显示团队逾期任务）</source>
        <translation>I am a team lead (show the team&apos;s overdue tasks)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="338"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="339"/>
        <source>诊断信息…</source>
        <translation>Diagnostics…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="340"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="363"/>
        <source>已恢复：%1</source>
        <translation>Restored: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="366"/>
        <source>没有可撤销的删除</source>
        <translation>Nothing deleted to undo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="371"/>
        <source>已撤销合并</source>
        <translation>Merge undone</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="371"/>
        <source>没有可撤销的合并</source>
        <translation>No merge to undo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="377"/>
        <source>使用人</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="377"/>
        <source>姓名：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="394"/>
        <source>停滞项目</source>
        <translation>Stalled projects</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="395"/>
        <source>多少天无进展算停滞：</source>
        <translation>Days without progress before a project counts as stalled:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="415"/>
        <source>关于招商外勤</source>
        <translation>About Field Promotion</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="416"/>
        <source>招商外勤桌面端
离线记录走访、项目、诉求与任务，打印周报和统计表，与省级服务器同步。
数据库：%1</source>
        <translation>Field Promotion desktop
Record visits, projects, demands and tasks offline, print weekly reports and statistics sheets, and sync with the provincial server.
Database: %1</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/domain_text.py" line="71"/>
        <source>%1为必填项</source>
        <translation>%1 is required</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="72"/>
        <source>%1不能为空</source>
        <translation>%1 cannot be empty</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="73"/>
        <source>%1应为整数</source>
        <translation>%1 must be a whole number</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="75"/>
        <source>%1过长（最多%2字，当前%3字）</source>
        <translation>%1 is too long (at most %2 characters, now %3)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="79"/>
        <source>%1“%2”不在可选范围：%3</source>
        <translation>%1 &quot;%2&quot; is not one of: %3</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="83"/>
        <source>%1“%2”格式不正确</source>
        <translation>%1 &quot;%2&quot; is not in a valid format</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="88"/>
        <source>%1“%2”不是有效数字（单位：亿元）</source>
        <translation>%1 &quot;%2&quot; is not a valid number (unit: 100M yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="92"/>
        <source>%1“%2”不是有效数字</source>
        <translation>%1 &quot;%2&quot; is not a valid number</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="95"/>
        <source>%1不能为负数</source>
        <translation>%1 cannot be negative</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="97"/>
        <source>%1最多精确到万元（亿元小数点后4位）</source>
        <translation>%1 can be exact to 10,000 yuan at most (4 decimal places of 100M yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="101"/>
        <source>%1过大，请核对单位是否为亿元</source>
        <translation>%1 is too large: check that the unit is 100M yuan</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="105"/>
        <source>%1“%2”年份超出合理范围</source>
        <translation>%1 &quot;%2&quot;: the year is out of range</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="109"/>
        <source>%1“%2”无法识别，请写成 2024-06-26 或 2024年6月26日</source>
        <translation>%1 &quot;%2&quot; is not a date; write it as 2024-06-26 or 2024年6月26日</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="86"/>
        <source>%1不存在，请重新选择</source>
        <translation>%1 does not exist; please choose again</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="117"/>
        <source>统一社会信用代码应为18位，当前为%1位</source>
        <translation>The unified social credit code must have 18 characters (this one has %1)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="121"/>
        <source>统一社会信用代码含非法字符“%1”（不得含 I、O、S、V、Z 及汉字、符号）</source>
        <translation>The unified social credit code contains the invalid character &quot;%1&quot; (I, O, S, V, Z, Chinese characters and symbols are not allowed)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="125"/>
        <source>统一社会信用代码第3至8位应为登记管理机关行政区划码（数字）</source>
        <translation>Characters 3 to 8 of the unified social credit code must be the registering authority&apos;s area code (digits)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="129"/>
        <source>统一社会信用代码校验位错误（应为“%1”），请核对是否录入有误</source>
        <translation>The check character of the unified social credit code is wrong (it should be &quot;%1&quot;); please check the entry</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="144"/>
        <source>选择“无法解决”时请填写原因</source>
        <translation>Give the reason when choosing &quot;Cannot be resolved&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="133"/>
        <source>第%1条诉求：%2</source>
        <translation>Demand %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="137"/>
        <source>第%1条下一步工作：%2</source>
        <translation>Next step %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="141"/>
        <source>无法读取附件“%1”：%2</source>
        <translation>Cannot read the attachment &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="113"/>
        <source>起始日期 %1 晚于截止日期 %2</source>
        <translation>The start date %1 is after the end date %2</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="145"/>
        <source>未设置所属办事处</source>
        <translation>No office is set</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="146"/>
        <source>不能把企业合并到它自己</source>
        <translation>An enterprise cannot be merged into itself</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="147"/>
        <source>该合并记录不存在或已撤销</source>
        <translation>This merge does not exist or has been undone</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="215"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="381"/>
        <source>今天到期或已逾期的任务 %1 项（其中逾期 %2 项）：</source>
        <translation>Tasks due today or overdue: %1 (overdue: %2)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="384"/>
        <source>……共 %1 项</source>
        <translation>… %1 in total</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="385"/>
        <source>……</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="156"/>
        <source>项目阶段为“%1”，须填写%2</source>
        <translation>A project at stage “%1” needs %2</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="161"/>
        <source>%1（%2）不能晚于%3（%4）</source>
        <translation>%1 (%2) cannot be later than %3 (%4)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="166"/>
        <source>已填写%1，须先填写%2</source>
        <translation>%1 is filled in, so %2 is needed first</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="171"/>
        <source>项目阶段由“%1”退回到“%2”，须填写退回原因</source>
        <translation>Moving the project back from “%1” to “%2” needs a reason</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="176"/>
        <source>%1%2亿元超过1000亿元，常见原因是按万元填写；请确认单位为亿元</source>
        <translation>%1 of %2 (100M yuan) exceeds 1,000 (100M yuan); often an amount typed in 10k yuan. Please check the unit</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="183"/>
        <source>统一社会信用代码%1已登记为企业“%2”，同一代码不能再登记第二家企业（请打开该企业，或与之合并）</source>
        <translation>Credit code %1 is already registered to “%2”; a second enterprise cannot have it (open that enterprise or merge with it)</translation>
    </message>
</context>
<context>
    <name>Periods</name>
    <message>
        <location filename="../../ui/domain_text.py" line="223"/>
        <source>本报送期</source>
        <translation>This reporting period</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="224"/>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="225"/>
        <source>上月</source>
        <translation>Last month</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="226"/>
        <source>本季度</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="227"/>
        <source>本半年</source>
        <translation>This half-year</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="228"/>
        <source>本年</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="229"/>
        <source>年初至今</source>
        <translation>Year to date</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="236"/>
        <source>%1年第%2季度</source>
        <translation>Q%2 %1</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="241"/>
        <source>%1年1月1日至%2月%3日</source>
        <translation>%1/1/1 to %1/%2/%3</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="246"/>
        <source>%1年%2月%3日报送期</source>
        <translation>Reporting period to %1/%2/%3</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="249"/>
        <source>%1年%2月</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="250"/>
        <source>%1年上半年</source>
        <translation>H1 %1</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="251"/>
        <source>%1年下半年</source>
        <translation>H2 %1</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="252"/>
        <source>%1年</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="253"/>
        <source>百日攻坚</source>
        <translation>100-day campaign</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="270"/>
        <source>%1（%2 至 %3）</source>
        <translation>%1 (%2 to %3)</translation>
    </message>
</context>
<context>
    <name>ProjectsPage</name>
    <message>
        <location filename="../../ui/pages/projects.py" line="47"/>
        <source>招商项目</source>
        <translation>Projects</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="48"/>
        <location filename="../../ui/pages/projects.py" line="144"/>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="49"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="50"/>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="51"/>
        <source>推进阶段…</source>
        <translation>Advance stage…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="53"/>
        <source>登记到位资金…</source>
        <translation>Record funds in place…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="55"/>
        <source>阶段记录</source>
        <translation>Stage history</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="67"/>
        <source>列表</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="95"/>
        <source>看板（双击推进）</source>
        <translation>Board (double-click to advance)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="177"/>
        <source>%1 亿元</source>
        <translation>%1 (100M yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="180"/>
        <source>【%1】</source>
        <translation> [%1]</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="190"/>
        <source>新建项目</source>
        <translation>New project</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="202"/>
        <source>编辑项目</source>
        <translation>Edit project</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="253"/>
        <source>推进阶段</source>
        <translation>Advance stage</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="253"/>
        <source>该项目已投产达产。</source>
        <translation>This project is already in full production.</translation>
    </message>
    <message>
        <source>请填写该阶段的日期</source>
        <translation type="vanished">Enter the date of this stage</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="275"/>
        <source>推进到“%1”</source>
        <translation>Advance to &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1日期，如 2024-06-26</source>
        <translation type="vanished">%1 date, e.g. 2024-06-26</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="292"/>
        <source>登记到位资金（可分多笔）</source>
        <translation>Record funds in place (several instalments allowed)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="300"/>
        <source>阶段记录与到位资金</source>
        <translation>Stage history and funds in place</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="302"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="302"/>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="280"/>
        <location filename="../../ui/pages/projects.py" line="302"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="314"/>
        <source>到位资金 %1 亿元</source>
        <translation>Funds in place: %1 (100M yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="155"/>
        <location filename="../../ui/pages/projects.py" line="320"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="132"/>
        <source>有 %1 个项目的阶段与日期不一致（未自动修改）。</source>
        <translation>%1 projects have a stage that does not match their dates (nothing was changed). </translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="135"/>
        <source>查看并逐个核对</source>
        <translation>Review them one by one</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="142"/>
        <source>阶段与日期不一致的项目</source>
        <translation>Projects whose stage and dates disagree</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="144"/>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="144"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="144"/>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="158"/>
        <source>双击项目打开编辑，补齐或更正日期后保存。</source>
        <translation>Double-click a project to edit it; fill in or correct the dates, then save.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="221"/>
        <source>退回阶段</source>
        <translation>Move stage back</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="222"/>
        <source>项目阶段由“%1”退回到“%2”，请填写退回原因：</source>
        <translation>The project moves back from “%1” to “%2”. Reason:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="242"/>
        <source>请核对金额</source>
        <translation>Check the amount</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="242"/>
        <source>。仍按亿元保存吗？</source>
        <translation>. Save it in 100M yuan anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="245"/>
        <source>请核对金额单位（亿元）</source>
        <translation>Check the unit of the amount (100M yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/projects.py" line="279"/>
        <source>推进日期</source>
        <translation>Date of the move</translation>
    </message>
</context>
<context>
    <name>PromotionTabs</name>
    <message>
        <location filename="../../ui/pages/people.py" line="127"/>
        <source>推介会</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="128"/>
        <source>外出招商</source>
        <translation>Promotion trips</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../ui/record_dialog.py" line="98"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="99"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="193"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
</context>
<context>
    <name>Records</name>
    <message>
        <location filename="../../ui/column_labels.py" line="162"/>
        <source>办事处</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="163"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="164"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="165"/>
        <source>走访</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="166"/>
        <source>附件</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="167"/>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="168"/>
        <source>阶段变更</source>
        <translation>Stage change</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="169"/>
        <source>到位资金</source>
        <translation>Funds in place</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="170"/>
        <source>服务专员</source>
        <translation>Service commissioner</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="171"/>
        <source>企业诉求</source>
        <translation>Enterprise demand</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="172"/>
        <source>跟进任务</source>
        <translation>Follow-up task</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="173"/>
        <source>推介会</source>
        <translation>Promotion event</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="174"/>
        <source>外出招商</source>
        <translation>Promotion trip</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="175"/>
        <source>六必访</source>
        <translation>Six must-visits</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="176"/>
        <source>统计表备注</source>
        <translation>Statistics sheet notes</translation>
    </message>
    <message>
        <location filename="../../ui/column_labels.py" line="177"/>
        <source>专项行动</source>
        <translation>Campaign</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <location filename="../../ui/report_actions.py" line="22"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="23"/>
        <source>保存PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="35"/>
        <source>保存PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="44"/>
        <source>保存失败</source>
        <translation>Save failed</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="56"/>
        <source>走访纪要</source>
        <translation>Visit minutes</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="64"/>
        <source>正在生成走访纪要</source>
        <translation>Building the visit minutes</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="79"/>
        <source>%1月%2日至%3月%4日</source>
        <translation>%1/%2 to %3/%4</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="91"/>
        <source>周报</source>
        <translation>Weekly report</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="104"/>
        <source>日期无效</source>
        <translation>Invalid date</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="113"/>
        <source>生成</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="116"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="121"/>
        <source>周内任一日期(&amp;D)：</source>
        <translation>Any &amp;day of the week:</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="122"/>
        <source>起止日期：</source>
        <translation>From - to:</translation>
    </message>
    <message>
        <source>周次（如 2024-W26）：</source>
        <translation type="vanished">Week (e.g. 2024-W26):</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="148"/>
        <source>周报 %1</source>
        <translation>Weekly report %1</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.py" line="157"/>
        <source>正在生成周报</source>
        <translation>Building the weekly report</translation>
    </message>
</context>
<context>
    <name>StatsPage</name>
    <message>
        <location filename="../../ui/pages/stats.py" line="54"/>
        <location filename="../../ui/pages/stats.py" line="404"/>
        <source>情况统计表</source>
        <translation>Statistics sheet</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="58"/>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="67"/>
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="75"/>
        <source>（无专项行动）</source>
        <translation>(no campaign)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="81"/>
        <source>仅本报送期</source>
        <translation>This reporting period only</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="83"/>
        <source>默认自行动开始累计；勾选后只统计截止日所在的半月报送期</source>
        <translation>Cumulative from the campaign start by default; tick to count only the half-month reporting period of the end date</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="86"/>
        <location filename="../../ui/pages/stats.py" line="131"/>
        <source>填报人</source>
        <translation>Filled in by</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="92"/>
        <source>附同比</source>
        <translation>With year-on-year</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="94"/>
        <location filename="../../ui/pages/stats.py" line="213"/>
        <source>计算</source>
        <translation>Calculate</translation>
    </message>
    <message>
        <source>单击任一数字查看其背后的记录。红底表示同比增长未达10%。</source>
        <translation type="vanished">Click any figure to see the records behind it. Red: year-on-year growth below 10%.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="105"/>
        <source>单击任一数字查看其背后的记录；双击“备注”填写本期备注。红底表示同比增长未达10%。</source>
        <translation>Click any figure to see the records behind it; double-click Notes to write this period&apos;s note. A red background means year-on-year growth below 10%.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="114"/>
        <source>填报单位</source>
        <translation>Reporting unit</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="114"/>
        <source>专项行动</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="118"/>
        <source>周期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="118"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="133"/>
        <source>填报时间</source>
        <translation>Filled in on</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="139"/>
        <source>预览PDF</source>
        <translation>Preview PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="140"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="141"/>
        <source>保存PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="142"/>
        <source>保存Excel…</source>
        <translation>Save Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="207"/>
        <source>重新计算（数据已变更）</source>
        <translation>Recompute (data changed)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="221"/>
        <source>计算去年同期</source>
        <translation>Computing the same period last year</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="221"/>
        <source>核对目标</source>
        <translation>Checking the targets</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="247"/>
        <source>正在计算统计表</source>
        <translation>Calculating the statistics sheet</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="255"/>
        <source>统计</source>
        <translation>Calculate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="281"/>
        <source>统计期间：%1</source>
        <translation>Period: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="282"/>
        <source>填报单位：%1</source>
        <translation>Reporting unit: %1</translation>
    </message>
    <message>
        <source>市(州)</source>
        <translation type="vanished">City (prefecture)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="301"/>
        <source>去年同期：%1；同比：%2</source>
        <translation>Same period last year: %1; year on year: %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="311"/>
        <source>目标进度（%1，自行动开始累计至%2）</source>
        <translation>Progress to target (%1, cumulative from the campaign start to %2)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="321"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="323"/>
        <source>未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="323"/>
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="326"/>
        <source>……</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="332"/>
        <source>未选择专项行动：不显示目标。</source>
        <translation>No campaign selected: no targets shown.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="351"/>
        <source>保存备注</source>
        <translation>Save note</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="369"/>
        <source>正在查询</source>
        <translation>Searching</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats_drill.py" line="54"/>
        <source>%1：%2 条记录</source>
        <translation>%1: %2 records</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="391"/>
        <source>正在生成报表</source>
        <translation>Building the report</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="399"/>
        <source>生成统计表</source>
        <translation>Build statistics sheet</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="413"/>
        <source>保存统计表</source>
        <translation>Save statistics sheet</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="424"/>
        <source>保存失败</source>
        <translation>Save failed</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/pages/sync.py" line="37"/>
        <source>与省级服务器同步</source>
        <translation>Sync with the provincial server</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="47"/>
        <source>留空则使用系统钥匙串中保存的密码</source>
        <translation>Leave empty to use the password saved in the system keyring</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="48"/>
        <source>连接</source>
        <translation>Connection</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="51"/>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="52"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="53"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="54"/>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="82"/>
        <source>待上传的修改：%1 条</source>
        <translation>Changes waiting to upload: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="84"/>
        <source>被服务器拒绝：%1 条</source>
        <translation>Rejected by the server: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="85"/>
        <source>上次同步：%1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="85"/>
        <source>从未同步</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="87"/>
        <source>上次错误：%1</source>
        <translation>Last error: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="89"/>
        <source>冲突 (%1)</source>
        <translation>Conflicts (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="95"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>同步模块尚未安装，暂不能同步。</source>
        <translation type="vanished">The sync module is not installed; syncing is not available yet.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="95"/>
        <source>请填写服务器地址和用户名。</source>
        <translation>Please enter the server address and user name.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="122"/>
        <source>同步失败：%1</source>
        <translation>Sync failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="126"/>
        <source>正在同步</source>
        <translation>Syncing</translation>
    </message>
</context>
<context>
    <name>Targets</name>
    <message>
        <location filename="../../ui/domain_text.py" line="280"/>
        <source>走访目标企业</source>
        <translation>Target enterprises visited</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="281"/>
        <source>召开推介会</source>
        <translation>Promotion events held</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="282"/>
        <source>党政负责同志带队招商</source>
        <translation>Missions led by Party and government leaders</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="290"/>
        <source>%1（%2）</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="297"/>
        <source>已完成</source>
        <translation>met</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="300"/>
        <source>差%1%2</source>
        <translation>%1 short</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="304"/>
        <source>%1不少于%2%3：实际%4%3，%5</source>
        <translation>%1: target %2, actual %4, %5</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="317"/>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>TasksPage</name>
    <message>
        <location filename="../../ui/pages/followups.py" line="78"/>
        <source>跟进任务</source>
        <translation>Follow-up tasks</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups.py" line="79"/>
        <source>我的任务</source>
        <translation>My tasks</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups.py" line="81"/>
        <source>只看未完成</source>
        <translation>Not done only</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups.py" line="89"/>
        <source>标记完成</source>
        <translation>Mark done</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups.py" line="118"/>
        <source>已完成 %1 项任务</source>
        <translation>%1 tasks done</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../ui/domain_text.py" line="325"/>
        <source>走访</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="326"/>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="327"/>
        <source>诉求</source>
        <translation>Demand</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="328"/>
        <source>服务专员</source>
        <translation>Commissioner</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="329"/>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="330"/>
        <source>六必访</source>
        <translation>Must-visit</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="337"/>
        <location filename="../../ui/domain_text.py" line="340"/>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="346"/>
        <source>%1（%2，%3）</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="354"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="360"/>
        <source>%1，至今</source>
        <translation>%1, to date</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="361"/>
        <source>%1，至 %2</source>
        <translation>%1, until %2</translation>
    </message>
    <message>
        <location filename="../../ui/domain_text.py" line="365"/>
        <source>%1（已完成）</source>
        <translation>%1 (done)</translation>
    </message>
</context>
<context>
    <name>TripDialog</name>
    <message>
        <location filename="../../ui/trip_dialog.py" line="93"/>
        <source>外出招商：%1</source>
        <translation>Promotion trip: %1</translation>
    </message>
    <message>
        <location filename="../../ui/trip_dialog.py" line="93"/>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/trip_dialog.py" line="71"/>
        <source>基本信息</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/trip_dialog.py" line="72"/>
        <source>洽谈 / 签约项目</source>
        <translation>Projects negotiated / signed</translation>
    </message>
    <message>
        <location filename="../../ui/trip_dialog.py" line="73"/>
        <source>本次走访</source>
        <translation>Visits on this trip</translation>
    </message>
    <message>
        <location filename="../../ui/trip_dialog.py" line="76"/>
        <source>出访简报…</source>
        <translation>Trip briefing…</translation>
    </message>
    <message>
        <location filename="../../ui/trip_dialog.py" line="79"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/trip_dialog.py" line="128"/>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../ui/trip_dialog.py" line="128"/>
        <location filename="../../ui/trip_dialog.py" line="189"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../ui/trip_dialog.py" line="128"/>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/trip_dialog.py" line="128"/>
        <source>洽谈</source>
        <translation>Negotiated</translation>
    </message>
    <message>
        <location filename="../../ui/trip_dialog.py" line="128"/>
        <source>签约</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../ui/trip_dialog.py" line="132"/>
        <source>按拜访企业列出项目</source>
        <translation>List the visited enterprises&apos; projects</translation>
    </message>
    <message>
        <location filename="../../ui/trip_dialog.py" line="134"/>
        <source>勾选本次洽谈、签约的项目，然后在“基本信息”中保存。签约的项目同时计为洽谈。</source>
        <translation>Tick the projects negotiated and signed on this trip, then save on the Details tab. A signed project also counts as negotiated.</translation>
    </message>
    <message>
        <location filename="../../ui/trip_dialog.py" line="189"/>
        <source>走访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location filename="../../ui/trip_dialog.py" line="189"/>
        <source>走访形式</source>
        <translation>Visit form</translation>
    </message>
    <message>
        <location filename="../../ui/trip_dialog.py" line="189"/>
        <source>走访目的</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../../ui/trip_dialog.py" line="198"/>
        <source>新建走访（本次外出）…</source>
        <translation>New visit on this trip…</translation>
    </message>
    <message>
        <location filename="../../ui/trip_dialog.py" line="199"/>
        <source>关联已有走访…</source>
        <translation>Link existing visits…</translation>
    </message>
    <message>
        <location filename="../../ui/trip_dialog.py" line="200"/>
        <source>取消关联</source>
        <translation>Unlink</translation>
    </message>
    <message>
        <location filename="../../ui/trip_dialog.py" line="208"/>
        <source>请先在“基本信息”中保存，再登记本次外出的走访。</source>
        <translation>Save the trip on the Details tab first, then record its visits.</translation>
    </message>
    <message>
        <location filename="../../ui/trip_dialog.py" line="253"/>
        <source>新建走访（本次外出招商）</source>
        <translation>New visit (on this promotion trip)</translation>
    </message>
    <message>
        <location filename="../../ui/trip_dialog.py" line="267"/>
        <source>关联失败</source>
        <translation>Link failed</translation>
    </message>
    <message>
        <location filename="../../ui/trip_dialog.py" line="282"/>
        <source>关联已有走访</source>
        <translation>Link existing visits</translation>
    </message>
    <message>
        <location filename="../../ui/trip_dialog.py" line="287"/>
        <source>（已属其他外出）</source>
        <translation> (on another trip)</translation>
    </message>
    <message>
        <location filename="../../ui/trip_dialog.py" line="296"/>
        <source>关联</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../../ui/trip_dialog.py" line="297"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/trip_dialog.py" line="301"/>
        <source>出访期间或拜访企业的走访记录（勾选后关联到本次外出）：</source>
        <translation>Visits during the trip or to its enterprises (tick to put them on this trip):</translation>
    </message>
    <message>
        <location filename="../../ui/trip_dialog.py" line="315"/>
        <source>取消关联失败</source>
        <translation>Unlink failed</translation>
    </message>
</context>
<context>
    <name>TripsPage</name>
    <message>
        <location filename="../../ui/pages/trips.py" line="19"/>
        <location filename="../../ui/pages/trips.py" line="36"/>
        <source>外出招商</source>
        <translation>Promotion trips</translation>
    </message>
    <message>
        <location filename="../../ui/pages/trips.py" line="21"/>
        <source>出访简报…</source>
        <translation>Trip briefing…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/trips.py" line="22"/>
        <source>打印一表…</source>
        <translation>Print trip table…</translation>
    </message>
</context>
<context>
    <name>Values</name>
    <message>
        <location filename="../../ui/domain_text.py" line="31"/>
        <location filename="../../ui/domain_text.py" line="44"/>
        <location filename="../../ui/value_labels.py" line="142"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="25"/>
        <source>电子信息</source>
        <translation>Electronic information</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="26"/>
        <source>装备制造</source>
        <translation>Equipment manufacturing</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="27"/>
        <source>食品饮料</source>
        <translation>Food and beverages</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="28"/>
        <source>先进材料</source>
        <translation>Advanced materials</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="29"/>
        <source>能源化工</source>
        <translation>Energy and chemicals</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="30"/>
        <source>数字经济</source>
        <translation>Digital economy</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="31"/>
        <source>现代服务业</source>
        <translation>Modern services</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="32"/>
        <source>现代农业</source>
        <translation>Modern agriculture</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="33"/>
        <source>生物医药</source>
        <translation>Biomedicine</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="34"/>
        <source>医疗健康</source>
        <translation>Healthcare</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="35"/>
        <source>新能源汽车</source>
        <translation>New energy vehicles</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="36"/>
        <source>航空航天</source>
        <translation>Aerospace</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="37"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="39"/>
        <source>长三角</source>
        <translation>Yangtze River Delta</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="40"/>
        <source>珠三角</source>
        <translation>Pearl River Delta</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="41"/>
        <source>京津冀</source>
        <translation>Beijing-Tianjin-Hebei</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="42"/>
        <source>成渝</source>
        <translation>Chengdu-Chongqing</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="43"/>
        <source>东北</source>
        <translation>Northeast China</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="44"/>
        <source>海峡西岸</source>
        <translation>West Taiwan Strait</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="45"/>
        <source>中部</source>
        <translation>Central China</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="46"/>
        <source>西部</source>
        <translation>Western China</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="47"/>
        <source>港澳台</source>
        <translation>Hong Kong, Macao, Taiwan</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="48"/>
        <source>境外</source>
        <translation>Overseas</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="50"/>
        <source>内资</source>
        <translation>Domestic</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="51"/>
        <source>外资</source>
        <translation>Foreign</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="53"/>
        <source>世界500强</source>
        <translation>Fortune Global 500</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="54"/>
        <source>中国500强</source>
        <translation>China Top 500</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="55"/>
        <source>中国民营500强</source>
        <translation>China Top 500 Private</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="56"/>
        <source>上市公司</source>
        <translation>Listed company</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="57"/>
        <source>链主企业</source>
        <translation>Chain leader</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="58"/>
        <source>专精特新</source>
        <translation>Specialised and innovative</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="59"/>
        <source>重点企业</source>
        <translation>Key enterprise</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="61"/>
        <source>上门拜访</source>
        <translation>On-site visit</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="62"/>
        <source>驻点招商</source>
        <translation>Resident promotion</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="63"/>
        <source>来访接待</source>
        <translation>Hosted visit</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="64"/>
        <source>云洽谈</source>
        <translation>Online meeting</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="65"/>
        <source>展会推介</source>
        <translation>Trade fair promotion</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="67"/>
        <source>信息获取</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="68"/>
        <source>现场考察</source>
        <translation>Site inspection</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="69"/>
        <source>会谈洽谈</source>
        <translation>Negotiation</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="70"/>
        <source>签约落地</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="71"/>
        <source>开工建设</source>
        <translation>Under construction</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="72"/>
        <source>投产达产</source>
        <translation>In production</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="74"/>
        <source>正常</source>
        <translation>On track</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="75"/>
        <source>停滞</source>
        <translation>Stalled</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="76"/>
        <source>终止</source>
        <translation>Terminated</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="78"/>
        <source>用地</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="79"/>
        <source>资金/融资</source>
        <translation>Funding/financing</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="80"/>
        <source>税收</source>
        <translation>Tax</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="81"/>
        <source>审批</source>
        <translation>Approvals</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="82"/>
        <source>用能</source>
        <translation>Energy use</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="83"/>
        <source>人才</source>
        <translation>Talent</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="84"/>
        <source>物流</source>
        <translation>Logistics</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="85"/>
        <source>政策兑现</source>
        <translation>Policy fulfilment</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="87"/>
        <source>待办</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="88"/>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="89"/>
        <source>已回应</source>
        <translation>Responded</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="90"/>
        <source>已解决</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="91"/>
        <source>无法解决</source>
        <translation>Cannot be resolved</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="93"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="94"/>
        <source>未完成</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="96"/>
        <source>推介会</source>
        <translation>Promotion conference</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="97"/>
        <source>项目集中签约</source>
        <translation>Group project signing</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="98"/>
        <source>客商考察</source>
        <translation>Investor tour</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="99"/>
        <source>展会</source>
        <translation>Trade fair</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="101"/>
        <source>创新孵化</source>
        <translation>Incubation and innovation</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="102"/>
        <source>经营困难</source>
        <translation>Business difficulties</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="103"/>
        <source>登记纳统</source>
        <translation>Registered in statistics</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="104"/>
        <source>战略调整</source>
        <translation>Strategic change</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="105"/>
        <source>增资扩产</source>
        <translation>Capital increase and expansion</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="106"/>
        <source>筹备上市</source>
        <translation>Preparing to list</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="108"/>
        <source>招商人员</source>
        <translation>Investment promotion officer</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="109"/>
        <source>组长</source>
        <translation>Team lead</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="110"/>
        <source>省级管理员</source>
        <translation>Provincial administrator</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="112"/>
        <source>成都市</source>
        <translation>Chengdu</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="113"/>
        <source>自贡市</source>
        <translation>Zigong</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="114"/>
        <source>攀枝花市</source>
        <translation>Panzhihua</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="115"/>
        <source>泸州市</source>
        <translation>Luzhou</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="116"/>
        <source>德阳市</source>
        <translation>Deyang</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="117"/>
        <source>绵阳市</source>
        <translation>Mianyang</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="118"/>
        <source>广元市</source>
        <translation>Guangyuan</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="119"/>
        <source>遂宁市</source>
        <translation>Suining</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="120"/>
        <source>内江市</source>
        <translation>Neijiang</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="121"/>
        <source>乐山市</source>
        <translation>Leshan</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="122"/>
        <source>南充市</source>
        <translation>Nanchong</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="123"/>
        <source>眉山市</source>
        <translation>Meishan</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="124"/>
        <source>宜宾市</source>
        <translation>Yibin</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="125"/>
        <source>广安市</source>
        <translation>Guang&apos;an</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="126"/>
        <source>达州市</source>
        <translation>Dazhou</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="127"/>
        <source>雅安市</source>
        <translation>Ya&apos;an</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="128"/>
        <source>巴中市</source>
        <translation>Bazhong</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="129"/>
        <source>资阳市</source>
        <translation>Ziyang</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="130"/>
        <source>阿坝州</source>
        <translation>Aba Prefecture</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="131"/>
        <source>甘孜州</source>
        <translation>Ganzi Prefecture</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="132"/>
        <source>凉山州</source>
        <translation>Liangshan Prefecture</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="134"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="136"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/value_labels.py" line="137"/>
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../ui/visit_dialog.py" line="117"/>
        <source>保存 (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="118"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="199"/>
        <source>编辑走访记录</source>
        <translation>Edit visit</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="215"/>
        <source>新增企业诉求（每行一条）</source>
        <translation>New enterprise demands (one per line)</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="216"/>
        <source>新增下一步工作（每行一条）</source>
        <translation>New next steps (one per line)</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="227"/>
        <source>诉求</source>
        <translation>Demand</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="227"/>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="236"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="295"/>
        <source>新建企业</source>
        <translation>New enterprise</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="295"/>
        <source>“%1”不在企业库中，是否新建该企业？</source>
        <translation>&quot;%1&quot; is not in the enterprise list. Create this enterprise?</translation>
    </message>
    <message>
        <location filename="../../ui/visit_attachments.py" line="37"/>
        <source>选择附件</source>
        <translation>Choose attachments</translation>
    </message>
    <message>
        <location filename="../../ui/visit_attachments.py" line="39"/>
        <source>图片和文档 (*.png *.jpg *.jpeg *.pdf *.doc *.docx);;所有文件 (*)</source>
        <translation>Images and documents (*.png *.jpg *.jpeg *.pdf *.doc *.docx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/visit_attachments.py" line="98"/>
        <location filename="../../ui/visit_dialog.py" line="313"/>
        <source>打开附件</source>
        <translation>Open attachment</translation>
    </message>
    <message>
        <location filename="../../ui/visit_attachments.py" line="99"/>
        <source>附件文件尚未同步到本机。请先在“同步”页设置服务器并同步一次，再打开。</source>
        <translation>The attachment&apos;s file is not on this computer yet. Set up the server on the &quot;Sync&quot; page, sync once, then open it.</translation>
    </message>
    <message>
        <location filename="../../ui/visit_attachments.py" line="114"/>
        <source>正在下载附件…</source>
        <translation>Downloading the attachment…</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="313"/>
        <source>没有可以打开“%1”的程序。</source>
        <translation>No program can open &quot;%1&quot;.</translation>
    </message>
    <message>
        <location filename="../../../forms/visit_dialog.ui" line="6"/>
        <source>走访记录</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../../forms/visit_dialog.ui" line="13"/>
        <source>走访日期(&amp;D)*</source>
        <translation>Visit &amp;date*</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation type="vanished">yyyy-MM-dd</translation>
    </message>
    <message>
        <location filename="../../../forms/visit_dialog.ui" line="15"/>
        <source>企业(&amp;E)*</source>
        <translation>&amp;Enterprise*</translation>
    </message>
    <message>
        <source>新建企业…</source>
        <translation type="vanished">New enterprise…</translation>
    </message>
    <message>
        <location filename="../../../forms/visit_dialog.ui" line="22"/>
        <source>走访形式(&amp;F)*</source>
        <translation>Visit &amp;form*</translation>
    </message>
    <message>
        <source>记录人</source>
        <translation type="vanished">Recorded by</translation>
    </message>
    <message>
        <location filename="../../../forms/visit_dialog.ui" line="26"/>
        <source>参加人员(&amp;P)</source>
        <translation>&amp;Participants</translation>
    </message>
    <message>
        <location filename="../../../forms/visit_dialog.ui" line="27"/>
        <source>多人用顿号、分隔</source>
        <translation>Separate several names with 、</translation>
    </message>
    <message>
        <location filename="../../../forms/visit_dialog.ui" line="28"/>
        <source>带队领导(&amp;L)</source>
        <translation>Delegation &amp;leader</translation>
    </message>
    <message>
        <location filename="../../../forms/visit_dialog.ui" line="32"/>
        <source>职级，如 副主任</source>
        <translation>Rank, e.g. Deputy Director</translation>
    </message>
    <message>
        <source>走访目的</source>
        <translation type="vanished">Purpose</translation>
    </message>
    <message>
        <location filename="../../../forms/visit_dialog.ui" line="37"/>
        <source>洽谈内容(&amp;M)</source>
        <translation>&amp;Minutes</translation>
    </message>
    <message>
        <location filename="../../../forms/visit_dialog.ui" line="39"/>
        <source>投资意向</source>
        <translation>Investment intention</translation>
    </message>
    <message>
        <source>行业</source>
        <translation type="vanished">Industry</translation>
    </message>
    <message>
        <source>金额（亿元）</source>
        <translation type="vanished">Amount (100M yuan)</translation>
    </message>
    <message>
        <location filename="../../../forms/visit_dialog.ui" line="45"/>
        <source>如 2.5</source>
        <translation>e.g. 2.5</translation>
    </message>
    <message>
        <source>落地城市</source>
        <translation type="vanished">City</translation>
    </message>
    <message>
        <source>园区</source>
        <translation type="vanished">Park</translation>
    </message>
    <message>
        <location filename="../../../forms/visit_dialog.ui" line="49"/>
        <source>如 临港新片区</source>
        <translation>e.g. Lingang New Area</translation>
    </message>
    <message>
        <source>企业诉求（每行一条，保存后生成诉求记录）</source>
        <translation type="vanished">Enterprise demands (one per line; saved as demand records)</translation>
    </message>
    <message>
        <source>下一步工作（每行一条，保存后生成跟进任务）</source>
        <translation type="vanished">Next steps (one per line; saved as follow-up tasks)</translation>
    </message>
    <message>
        <location filename="../../../forms/visit_dialog.ui" line="19"/>
        <source>新建企业(&amp;W)…</source>
        <translation>Ne&amp;w enterprise…</translation>
    </message>
    <message>
        <location filename="../../../forms/visit_dialog.ui" line="24"/>
        <source>记录人(&amp;O)</source>
        <translation>Rec&amp;orded by</translation>
    </message>
    <message>
        <location filename="../../../forms/visit_dialog.ui" line="35"/>
        <source>走访目的(&amp;U)</source>
        <translation>P&amp;urpose</translation>
    </message>
    <message>
        <location filename="../../../forms/visit_dialog.ui" line="42"/>
        <source>行业(&amp;I)</source>
        <translation>&amp;Industry</translation>
    </message>
    <message>
        <location filename="../../../forms/visit_dialog.ui" line="44"/>
        <source>金额（亿元）(&amp;A)</source>
        <translation>&amp;Amount (100M yuan)</translation>
    </message>
    <message>
        <location filename="../../../forms/visit_dialog.ui" line="46"/>
        <source>落地城市(&amp;C)</source>
        <translation>&amp;City</translation>
    </message>
    <message>
        <location filename="../../../forms/visit_dialog.ui" line="48"/>
        <source>园区(&amp;K)</source>
        <translation>Par&amp;k</translation>
    </message>
    <message>
        <location filename="../../../forms/visit_dialog.ui" line="56"/>
        <source>企业诉求(&amp;Q)（每行一条，保存后生成诉求记录）</source>
        <translation>Enterprise demands (&amp;Q) (one per line; each becomes a demand record)</translation>
    </message>
    <message>
        <location filename="../../../forms/visit_dialog.ui" line="59"/>
        <source>下一步工作(&amp;N)（每行一条，保存后生成跟进任务）</source>
        <translation>&amp;Next steps (one per line; each becomes a follow-up task)</translation>
    </message>
    <message>
        <location filename="../../../forms/visit_dialog.ui" line="62"/>
        <source>本次走访已有的诉求和任务</source>
        <translation>Demands and tasks already raised at this visit</translation>
    </message>
    <message>
        <location filename="../../../forms/visit_dialog.ui" line="64"/>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../../forms/visit_dialog.ui" line="65"/>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../../forms/visit_dialog.ui" line="66"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../../forms/visit_dialog.ui" line="67"/>
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../../forms/visit_dialog.ui" line="71"/>
        <source>附件（照片、名片、函件，可拖入）</source>
        <translation>Attachments (photos, business cards, letters; drop files here)</translation>
    </message>
    <message>
        <location filename="../../../forms/visit_dialog.ui" line="72"/>
        <source>添加附件(&amp;T)…</source>
        <translation>A&amp;ttach…</translation>
    </message>
    <message>
        <source>添加附件…</source>
        <translation type="vanished">Add attachment…</translation>
    </message>
    <message>
        <location filename="../../../forms/visit_dialog.ui" line="79"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../../forms/visit_dialog.ui" line="80"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <location filename="../../ui/pages/visits.py" line="16"/>
        <source>走访记录</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits.py" line="17"/>
        <source>搜索企业名称、洽谈内容…</source>
        <translation>Search enterprise names, minutes…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits.py" line="19"/>
        <source>办事处</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits.py" line="22"/>
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits.py" line="25"/>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits.py" line="26"/>
        <source>形式</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits.py" line="27"/>
        <source>打印走访纪要…</source>
        <translation>Print visit minutes…</translation>
    </message>
</context>
<context>
    <name>WriteOp</name>
    <message>
        <location filename="../../ui/ops.py" line="74"/>
        <source>保存失败</source>
        <translation>Save failed</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../ui/main.py" line="179"/>
        <source>招商外勤</source>
        <translation>Field Promotion</translation>
    </message>
</context>
</TS>
