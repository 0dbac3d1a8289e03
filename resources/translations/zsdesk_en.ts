<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CommissionersPage</name>
    <message>
        <location filename="../../zsdesk/ui/pages/people.py" line="21"/>
        <source>服务专员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/people.py" line="22"/>
        <source>只看在任</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/people.py" line="32"/>
        <source>指派…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/people.py" line="39"/>
        <source>有 %1 家重点企业尚无服务专员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/people.py" line="59"/>
        <source>指派服务专员</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="152"/>
        <location filename="../../zsdesk/ui/pages/sync.py" line="210"/>
        <location filename="../../zsdesk/ui/pages/sync.py" line="215"/>
        <source>同步冲突</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="157"/>
        <source>记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="158"/>
        <source>字段</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="159"/>
        <source>本机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="160"/>
        <source>服务器</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="161"/>
        <source>原值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="162"/>
        <source>修改人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="165"/>
        <source>保留本机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="166"/>
        <source>采用服务器</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="169"/>
        <source>恢复原值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="210"/>
        <source>同步模块尚未安装，暂不能处理冲突。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="51"/>
        <source>工作台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="56"/>
        <source>截止日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="56"/>
        <source>任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="56"/>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="59"/>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="62"/>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="65"/>
        <source>企业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="56"/>
        <source>负责人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="59"/>
        <source>办理时限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="59"/>
        <source>诉求</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="59"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="62"/>
        <source>最近进展</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="62"/>
        <source>项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="62"/>
        <source>阶段</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="65"/>
        <source>发现日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="65"/>
        <source>情形</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="65"/>
        <source>走访期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="84"/>
        <source>今天到期及逾期的任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="85"/>
        <source>临期及逾期的诉求</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="86"/>
        <source>停滞项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="87"/>
        <source>六必访待走访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="94"/>
        <source>本期工作量：实际 / 目标 / 去年同期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="96"/>
        <source>统计周期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="133"/>
        <source>正在加载…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="154"/>
        <source>停滞项目（%1 天无进展）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="156"/>
        <source>任务 %1 项（逾期 %2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="159"/>
        <source>诉求 %1 项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="160"/>
        <source>停滞项目 %1 个</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="163"/>
        <source>%1 家重点企业无服务专员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="164"/>
        <source>今天 %1：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="176"/>
        <source>（无）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="191"/>
        <source>统计模块尚未安装</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="195"/>
        <source>正在计算…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="204"/>
        <source>统计暂不可用：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="222"/>
        <source>本期实际</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="222"/>
        <source>目标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/dashboard.py" line="222"/>
        <source>去年同期</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemandsPage</name>
    <message>
        <location filename="../../zsdesk/ui/pages/followups.py" line="26"/>
        <source>企业诉求</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/followups.py" line="27"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/followups.py" line="28"/>
        <source>只看未办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/followups.py" line="34"/>
        <source>办理…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/followups.py" line="71"/>
        <source>办理诉求：%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnterpriseDetail</name>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="48"/>
        <source>基本信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="51"/>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="51"/>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="51"/>
        <source>内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="54"/>
        <source>时间线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="62"/>
        <source>添加联系人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="67"/>
        <source>联系人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="70"/>
        <source>登记六必访情形…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="71"/>
        <source>指派服务专员…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="72"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="112"/>
        <source>六必访：登记情形并生成走访任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="127"/>
        <source>指派服务专员</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnterpriseListEditor</name>
    <message>
        <location filename="../../zsdesk/ui/picker.py" line="90"/>
        <source>添加</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/picker.py" line="93"/>
        <source>双击移除</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnterprisePicker</name>
    <message>
        <location filename="../../zsdesk/ui/picker.py" line="27"/>
        <source>输入企业名称或简称检索，如“新能源”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnterprisesPage</name>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="158"/>
        <source>企业库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="159"/>
        <source>企业名称、简称或信用代码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="160"/>
        <source>行业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="161"/>
        <source>重点企业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="161"/>
        <source>是</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="161"/>
        <source>否</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="162"/>
        <source>合并重复…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="183"/>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="187"/>
        <source>合并重复企业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="183"/>
        <source>请先按住 Ctrl 选中两家企业。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="188"/>
        <source>保留哪一家？另一家的走访、项目、诉求等记录将并入保留的企业（可撤销）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="189"/>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="190"/>
        <source>保留“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="191"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="202"/>
        <source>合并失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/enterprises.py" line="205"/>
        <source>已合并。可在“编辑”菜单中撤销合并。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message>
        <location filename="../../zsdesk/ui/pages/people.py" line="83"/>
        <source>推介会 / 招商活动</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../zsdesk/ui/first_run.py" line="46"/>
        <source>新数据库文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/first_run.py" line="60"/>
        <source>请填写数据库文件路径</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/first_run.py" line="76"/>
        <source>打开数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/first_run.ui" line="6"/>
        <source>欢迎使用招商外勤</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/first_run.ui" line="10"/>
        <source>首次使用：请新建本办事处的数据库，或打开已有数据库，也可以先打开演示数据看看。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/first_run.ui" line="16"/>
        <source>新建数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/first_run.ui" line="18"/>
        <source>数据库文件(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/first_run.ui" line="22"/>
        <source>浏览…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/first_run.ui" line="25"/>
        <source>办事处名称(&amp;O)*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/first_run.ui" line="26"/>
        <source>如 省政府驻上海办事处</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/first_run.ui" line="27"/>
        <source>填报单位(&amp;U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/first_run.ui" line="28"/>
        <source>市(州)或办事处，默认同办事处名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/first_run.ui" line="29"/>
        <source>使用人姓名(&amp;N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/first_run.ui" line="42"/>
        <source>打开已有数据库…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/first_run.ui" line="43"/>
        <source>打开演示数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/first_run.ui" line="45"/>
        <source>新建并开始</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/first_run.ui" line="46"/>
        <source>退出</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../zsdesk/ui/excel_actions.py" line="34"/>
        <source>导入预检结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/excel_actions.py" line="40"/>
        <source>确认导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/excel_actions.py" line="45"/>
        <source>只导入无误的行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/excel_actions.py" line="47"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <location filename="../../zsdesk/ui/jobs.py" line="131"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/jobs.py" line="178"/>
        <source>出错了</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../zsdesk/ui/list_page.py" line="61"/>
        <source>搜索…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/list_page.py" line="105"/>
        <source>新建</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/list_page.py" line="106"/>
        <source>编辑</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/list_page.py" line="107"/>
        <source>删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/list_page.py" line="153"/>
        <source>全部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/list_page.py" line="165"/>
        <source>从</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/list_page.py" line="165"/>
        <source>至</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/list_page.py" line="170"/>
        <source>不限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/list_page.py" line="197"/>
        <source>共 %1 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/list_page.py" line="201"/>
        <source>正在查询…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/list_page.py" line="245"/>
        <source>删除失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/list_page.py" line="247"/>
        <source>已删除 %1 条。按 Ctrl+Z 撤销</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="51"/>
        <source>工作台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="52"/>
        <source>走访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="55"/>
        <source>企业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="59"/>
        <source>项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="62"/>
        <source>服务专员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="66"/>
        <source>诉求</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="67"/>
        <source>任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="68"/>
        <source>推介会/外出招商</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="69"/>
        <source>统计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="70"/>
        <source>同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="79"/>
        <source>招商外勤 — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="107"/>
        <source>查看任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="109"/>
        <source>知道了</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="181"/>
        <source>文件(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="182"/>
        <source>新建走访记录…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="184"/>
        <source>导入Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="185"/>
        <source>导出Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="187"/>
        <source>打印周报…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="189"/>
        <source>退出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="191"/>
        <source>编辑(&amp;E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="193"/>
        <source>撤销删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="195"/>
        <source>撤销合并企业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="196"/>
        <source>设置(&amp;S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="197"/>
        <source>使用人姓名…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="198"/>
        <source>停滞项目天数…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="199"/>
        <source>帮助(&amp;H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="200"/>
        <source>诊断信息…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="201"/>
        <source>关于</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="216"/>
        <source>已恢复：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="216"/>
        <source>没有可撤销的删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="223"/>
        <source>已撤销合并</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="223"/>
        <source>没有可撤销的合并</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="227"/>
        <source>使用人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="227"/>
        <source>姓名：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="237"/>
        <source>停滞项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="238"/>
        <source>多少天无进展算停滞：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="256"/>
        <source>关于招商外勤</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/main_window.py" line="257"/>
        <source>招商外勤桌面端
离线记录走访、项目、诉求与任务，打印周报和统计表，与省级服务器同步。
数据库：%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectsPage</name>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="43"/>
        <source>招商项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="44"/>
        <source>阶段</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="45"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="46"/>
        <source>行业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="47"/>
        <source>推进阶段…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="49"/>
        <source>登记到位资金…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="51"/>
        <source>阶段记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="64"/>
        <source>列表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="85"/>
        <source>看板（双击推进）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="115"/>
        <source>新建项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="126"/>
        <source>编辑项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="137"/>
        <source>推进阶段</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="137"/>
        <source>该项目已投产达产。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="155"/>
        <source>推进到“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="159"/>
        <source>%1日期，如 2024-06-26</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="172"/>
        <source>登记到位资金（可分多笔）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="181"/>
        <source>阶段记录与到位资金</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="183"/>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="183"/>
        <source>事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="183"/>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/projects.py" line="193"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../zsdesk/ui/record_dialog.py" line="75"/>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/record_dialog.py" line="76"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/record_dialog.py" line="127"/>
        <source>已保存</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatsPage</name>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="72"/>
        <location filename="../../zsdesk/ui/pages/stats.py" line="263"/>
        <source>情况统计表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="76"/>
        <source>全部单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="85"/>
        <source>自定义</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="91"/>
        <source>计算</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="98"/>
        <source>单击任一数字查看其背后的记录。红底表示同比增长未达10%。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="103"/>
        <source>填报单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="103"/>
        <source>周期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="104"/>
        <source>至</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="109"/>
        <source>预览PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="110"/>
        <source>打印…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="111"/>
        <source>保存PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="112"/>
        <source>保存Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="162"/>
        <source>正在计算统计表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="170"/>
        <source>统计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="182"/>
        <source>市(州)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="192"/>
        <source>去年同期：%1；同比：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="216"/>
        <source>正在查询</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="226"/>
        <source>%1：%2 条记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="258"/>
        <source>生成统计表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="272"/>
        <source>保存统计表</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="46"/>
        <source>与省级服务器同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="56"/>
        <source>留空则使用系统钥匙串中保存的密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="57"/>
        <source>连接</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="60"/>
        <source>服务器地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="61"/>
        <source>用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="62"/>
        <source>密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="63"/>
        <source>立即同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="91"/>
        <source>待上传的修改：%1 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="93"/>
        <source>被服务器拒绝：%1 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="94"/>
        <source>上次同步：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="94"/>
        <source>从未同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="96"/>
        <source>上次错误：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="98"/>
        <source>冲突 (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="105"/>
        <location filename="../../zsdesk/ui/pages/sync.py" line="109"/>
        <source>同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="105"/>
        <source>同步模块尚未安装，暂不能同步。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="109"/>
        <source>请填写服务器地址和用户名。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="132"/>
        <source>同步失败：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/sync.py" line="136"/>
        <source>正在同步</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TasksPage</name>
    <message>
        <location filename="../../zsdesk/ui/pages/followups.py" line="83"/>
        <source>跟进任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/followups.py" line="84"/>
        <source>我的任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/followups.py" line="86"/>
        <source>只看未完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/followups.py" line="94"/>
        <source>标记完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/followups.py" line="124"/>
        <source>已完成 %1 项任务</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TripsPage</name>
    <message>
        <location filename="../../zsdesk/ui/pages/people.py" line="112"/>
        <source>外出招商</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../zsdesk/ui/visit_dialog.py" line="66"/>
        <source>保存 (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/visit_dialog.py" line="67"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/visit_dialog.py" line="98"/>
        <source>编辑走访记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/visit_dialog.py" line="113"/>
        <source>新增企业诉求（每行一条；已有诉求在“诉求”页）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/visit_dialog.py" line="114"/>
        <source>新增下一步工作（每行一条；已有任务在“任务”页）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/visit_dialog.py" line="158"/>
        <source>新建企业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/visit_dialog.py" line="158"/>
        <source>“%1”不在企业库中，是否新建该企业？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/visit_dialog.py" line="175"/>
        <source>选择附件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/visit_dialog.py" line="177"/>
        <source>图片和文档 (*.png *.jpg *.jpeg *.pdf *.doc *.docx);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="6"/>
        <source>走访记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="13"/>
        <source>走访日期(&amp;D)*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="14"/>
        <source>yyyy-MM-dd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="15"/>
        <source>企业(&amp;E)*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="19"/>
        <source>新建企业…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="22"/>
        <source>走访形式(&amp;F)*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="24"/>
        <source>记录人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="26"/>
        <source>参加人员(&amp;P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="27"/>
        <source>多人用顿号、分隔</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="28"/>
        <source>带队领导(&amp;L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="32"/>
        <source>职级，如 副主任</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="35"/>
        <source>走访目的</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="37"/>
        <source>洽谈内容(&amp;M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="39"/>
        <source>投资意向</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="43"/>
        <source>金额（亿元）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="45"/>
        <source>园区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="52"/>
        <source>企业诉求（每行一条，保存后生成诉求记录）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="54"/>
        <source>下一步工作（每行一条，保存后生成跟进任务）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="58"/>
        <source>附件（照片、名片、函件，可拖入）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/visit_dialog.ui" line="59"/>
        <source>添加附件…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <location filename="../../zsdesk/ui/pages/visits.py" line="16"/>
        <source>走访记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/visits.py" line="17"/>
        <source>搜索企业名称、洽谈内容…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/visits.py" line="19"/>
        <source>办事处</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/visits.py" line="20"/>
        <source>记录人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/visits.py" line="22"/>
        <source>行业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/visits.py" line="23"/>
        <source>形式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/visits.py" line="24"/>
        <source>打印走访纪要…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>box</name>
    <message>
        <location filename="../../zsdesk/ui/enterprise_dialogs.py" line="39"/>
        <source>可能重复的企业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/enterprise_dialogs.py" line="40"/>
        <source>已有以下企业可能是同一家：
%1

请确认是否仍要新建。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/enterprise_dialogs.py" line="41"/>
        <source>使用已有企业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/enterprise_dialogs.py" line="42"/>
        <source>仍然新建</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/enterprise_dialogs.py" line="43"/>
        <source>返回修改</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../zsdesk/ui/enterprise_dialogs.py" line="65"/>
        <source>新建企业</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../zsdesk/ui/excel_actions.py" line="24"/>
        <source>表类型：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/excel_actions.py" line="61"/>
        <source>导入Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/excel_actions.py" line="66"/>
        <source>选择要导入的Excel文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/excel_actions.py" line="83"/>
        <source>正在导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/excel_actions.py" line="92"/>
        <source>正在检查Excel文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/excel_actions.py" line="96"/>
        <source>导出Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/excel_actions.py" line="100"/>
        <source>导出到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/excel_actions.py" line="110"/>
        <source>已导出 %1 行到 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/excel_actions.py" line="113"/>
        <source>正在导出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/stats.py" line="282"/>
        <location filename="../../zsdesk/ui/report_actions.py" line="40"/>
        <source>保存失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/report_actions.py" line="33"/>
        <source>保存PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/report_actions.py" line="50"/>
        <source>走访纪要</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/report_actions.py" line="54"/>
        <source>正在生成走访纪要</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/report_actions.py" line="62"/>
        <source>周报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/report_actions.py" line="62"/>
        <source>周次（如 2024-W26）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/report_actions.py" line="73"/>
        <source>周报 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/report_actions.py" line="77"/>
        <source>正在生成周报</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>preview</name>
    <message>
        <location filename="../../zsdesk/ui/report_actions.py" line="21"/>
        <source>打印…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/report_actions.py" line="22"/>
        <source>保存PDF…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tabs</name>
    <message>
        <location filename="../../zsdesk/ui/pages/people.py" line="122"/>
        <source>推介会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../zsdesk/ui/pages/people.py" line="123"/>
        <source>外出招商</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
