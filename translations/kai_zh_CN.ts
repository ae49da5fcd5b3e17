<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ListPageKit</name>
    <message>
        <source>Search by name...</source>
        <translation>按名称搜索...</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>NameRules</name>
    <message>
        <source>Must be alphanumeric, all lowercase, at least 2 characters long and at most 255 characters long</source>
        <translation>必须由小写字母和数字组成，长度至少 2 个字符，最多 255 个字符</translation>
    </message>
    <message>
        <source>Namespaces less than 4 or more than 30 characters are only compatible with Docker 1.6+</source>
        <translation>少于 4 个或多于 30 个字符的命名空间仅与 Docker 1.6+ 兼容</translation>
    </message>
    <message>
        <source>Namespaces with dashes or dots are only compatible with Docker 1.9+</source>
        <translation>包含短划线或点的命名空间仅与 Docker 1.9+ 兼容</translation>
    </message>
    <message>
        <source>Must contain only lowercase alphanumeric and _- characters. Max 255 characters.</source>
        <translation>只能包含小写字母、数字和 _- 字符。最多 255 个字符。</translation>
    </message>
</context>
<context>
    <name>kai::client::ApiError</name>
    <message>
        <source>The server answered %1 %2.</source>
        <translation>服务器返回 %1 %2。</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>无法访问 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%1 did not answer within %n second(s).</source>
        <translation>
            <numerusform>%1 在 %n 秒内没有响应。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 did not answer like a Quay registry. Check the server address.</source>
        <translation>%1 的响应不像 Quay registry。请检查服务器地址。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>kai::console::BulkOperation</name>
    <message>
        <source>Failed to delete %1: %2</source>
        <translation>删除 %1 失败：%2</translation>
    </message>
</context>
<context>
    <name>kai::console::ConsoleController</name>
    <message>
        <source>The system keychain is not available (%1): passwords and tokens are not remembered.</source>
        <translation>系统密钥环不可用（%1）：不会记住密码和令牌。</translation>
    </message>
    <message>
        <source>Your session ended (%1). Sign in again to continue.</source>
        <translation>您的会话已结束（%1）。请重新登录以继续。</translation>
    </message>
</context>
<context>
    <name>kai::console::CreateOrganizationDialog</name>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Create Organization</source>
        <translation>创建机构</translation>
    </message>
    <message>
        <source>email@provider.com</source>
        <translation>email@provider.com</translation>
    </message>
    <message>
        <source>Organization Name</source>
        <translation>机构名称</translation>
    </message>
    <message>
        <source>Email (Optional)</source>
        <translation>电子邮件（可选）</translation>
    </message>
    <message>
        <source>Enter a valid email: email@provider.com</source>
        <translation>请输入有效的电子邮件：email@provider.com</translation>
    </message>
    <message>
        <source>Unable to create organization: %1</source>
        <translation>无法创建机构：%1</translation>
    </message>
</context>
<context>
    <name>kai::console::CreateRepositoryDialog</name>
    <message>
        <source>Public</source>
        <translation>公共</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>私有</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Create repository</source>
        <translation>创建存储库</translation>
    </message>
    <message>
        <source>Select a namespace</source>
        <translation>选择命名空间</translation>
    </message>
    <message>
        <source>Repository name</source>
        <translation>存储库名称</translation>
    </message>
    <message>
        <source>Repository description</source>
        <translation>存储库描述</translation>
    </message>
    <message>
        <source>Repository visibility</source>
        <translation>存储库可见性</translation>
    </message>
    <message>
        <source>Unable to create repository: %1</source>
        <translation>无法创建存储库：%1</translation>
    </message>
</context>
<context>
    <name>kai::console::FreshLoginDialog</name>
    <message>
        <source>Verify</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Please Verify</source>
        <translation>请验证</translation>
    </message>
    <message>
        <source>It has been more than a few minutes since you last signed in. Enter your password to continue.</source>
        <translation>距离您上次登录已超过几分钟。请输入密码以继续。</translation>
    </message>
    <message>
        <source>Current Password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>Fresh login verification cancelled</source>
        <translation>已取消重新登录验证</translation>
    </message>
</context>
<context>
    <name>kai::console::LoadStateView</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
</context>
<context>
    <name>kai::console::MainWindow</name>
    <message>
        <source>Kai Console</source>
        <translation>Kai 控制台</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Repositories</source>
        <translation>存储库</translation>
    </message>
    <message>
        <source>Superuser</source>
        <translation>超级用户</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>前进</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>注销(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>The language changes the next time the console starts.</source>
        <translation>语言将在下次启动控制台时更改。</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 @ %2</translation>
    </message>
</context>
<context>
    <name>kai::console::OrganizationListModel</name>
    <message>
        <source>You</source>
        <translation>您</translation>
    </message>
    <message>
        <source>Superuser</source>
        <translation>超级用户</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已禁用</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
</context>
<context>
    <name>kai::console::OrganizationsPage</name>
    <message>
        <source>Use regular expressions</source>
        <translation>使用正则表达式</translation>
    </message>
    <message>
        <source>Create Organization</source>
        <translation>创建机构</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Collaborate and share projects across teams</source>
        <translation>跨团队协作和共享项目</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Could not load organizations: %1</source>
        <translation>无法加载机构：%1</translation>
    </message>
    <message>
        <source>Could not load all organizations: %1</source>
        <translation>无法加载所有机构：%1</translation>
    </message>
    <message>
        <source>Could not load all users: %1</source>
        <translation>无法加载所有用户：%1</translation>
    </message>
    <message>
        <source>Successfully created organization %1</source>
        <translation>已成功创建机构 %1</translation>
    </message>
    <message>
        <source>Nothing selected that you can delete.</source>
        <translation>所选内容中没有您可以删除的项。</translation>
    </message>
    <message>
        <source>Permanently delete organizations?</source>
        <translation>永久删除机构？</translation>
    </message>
    <message>
        <source>This action deletes all repositories and cannot be undone. These will be deleted:</source>
        <translation>此操作会删除所有存储库，且无法撤销。将删除以下内容：</translation>
    </message>
    <message numerus="yes">
        <source>Successfully deleted %n organization(s)</source>
        <translation>
            <numerusform>已成功删除 %n 个机构</numerusform>
        </translation>
    </message>
    <message>
        <source>Deletion failed</source>
        <translation>删除失败</translation>
    </message>
</context>
<context>
    <name>kai::console::RepositoriesPage</name>
    <message>
        <source>Create Repository</source>
        <translation>创建存储库</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>There are no viewable repositories</source>
        <translation>没有可查看的存储库</translation>
    </message>
    <message>
        <source>Repositories</source>
        <translation>存储库</translation>
    </message>
    <message>
        <source>Could not load repositories: %1</source>
        <translation>无法加载存储库：%1</translation>
    </message>
    <message>
        <source>Successfully created repository %1</source>
        <translation>已成功创建存储库 %1</translation>
    </message>
    <message>
        <source>Permanently delete repositories?</source>
        <translation>永久删除存储库？</translation>
    </message>
    <message>
        <source>This action deletes the repositories with all their tags and cannot be undone:</source>
        <translation>此操作会删除这些存储库及其所有标签，且无法撤销：</translation>
    </message>
    <message numerus="yes">
        <source>Successfully deleted %n repository(s)</source>
        <translation>
            <numerusform>已成功删除 %n 个存储库</numerusform>
        </translation>
    </message>
    <message>
        <source>Repository deletion failed</source>
        <translation>存储库删除失败</translation>
    </message>
</context>
<context>
    <name>kai::console::RepositoryListModel</name>
    <message>
        <source>Public</source>
        <translation>公共</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>私有</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>可见性</translation>
    </message>
    <message>
        <source>Last Modified</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
</context>
<context>
    <name>kai::console::SignInDialog</name>
    <message>
        <source>User name and password</source>
        <translation>用户名和密码</translation>
    </message>
    <message>
        <source>OAuth access token</source>
        <translation>OAuth 访问令牌</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>令牌：</translation>
    </message>
    <message>
        <source>Remember the password or token in the system keychain</source>
        <translation>在系统密钥环中记住密码或令牌</translation>
    </message>
    <message>
        <source>Sign In</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Sign in to a registry</source>
        <translation>登录到 registry</translation>
    </message>
    <message>
        <source>https://quay.example.com</source>
        <translation>https://quay.example.com</translation>
    </message>
    <message>
        <source>Paste an OAuth access token</source>
        <translation>粘贴 OAuth 访问令牌</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Sign in with:</source>
        <translation>登录方式：</translation>
    </message>
    <message>
        <source>The system keychain is not available (%1). The console works, but cannot remember your password or token.</source>
        <translation>系统密钥环不可用（%1）。控制台可以正常使用，但无法记住您的密码或令牌。</translation>
    </message>
    <message>
        <source>The system keychain is not available. The console works, but cannot remember your password or token.</source>
        <translation>系统密钥环不可用。控制台可以正常使用，但无法记住您的密码或令牌。</translation>
    </message>
    <message>
        <source>%1 (token)</source>
        <translation>%1（令牌）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Enter the server address, for example https://quay.example.com</source>
        <translation>请输入服务器地址，例如 https://quay.example.com</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>Paste an OAuth access token.</source>
        <translation>请粘贴 OAuth 访问令牌。</translation>
    </message>
</context>
<context>
    <name>kai::console::SuperuserPage</name>
    <message>
        <source>Superuser</source>
        <translation>超级用户</translation>
    </message>
    <message>
        <source>Users and organizations of the whole registry are managed in the Organizations list. Service keys, the change log, usage logs and messages are not available in this version of the console yet.</source>
        <translation>整个 registry 的用户和机构在“机构”列表中管理。此版本的控制台尚不提供服务密钥、更改日志、使用日志和消息。</translation>
    </message>
    <message>
        <source>Open the Organizations list</source>
        <translation>打开机构列表</translation>
    </message>
</context>
<context>
    <name>kai::console::TypedConfirmDialog</name>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Type %1 to confirm the deletion:</source>
        <translation>输入 %1 以确认删除：</translation>
    </message>
</context>
</TS>
