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
    <name>RobotNameRule</name>
    <message>
        <source>Must start with a lowercase letter, followed by 1 to 254 lowercase letters, digits or underscores</source>
        <translation>必须以小写字母开头，后跟 1 到 254 个小写字母、数字或下划线</translation>
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
    <name>kai::console::CreateRobotDialog</name>
    <message>
        <source>Create robot account</source>
        <translation>创建机器人帐户</translation>
    </message>
    <message>
        <source>Create robot account (%1)</source>
        <translation>创建机器人帐户（%1）</translation>
    </message>
    <message>
        <source>Provide a name for your robot account:</source>
        <translation>为机器人帐户提供一个名称：</translation>
    </message>
    <message>
        <source>Provide an optional description for your new robot:</source>
        <translation>为新机器人帐户提供可选的描述：</translation>
    </message>
    <message>
        <source>Unable to create robot account: %1</source>
        <translation>无法创建机器人帐户：%1</translation>
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
    <message>
        <source>%1 › %2</source>
        <translation>%1 › %2</translation>
    </message>
</context>
<context>
    <name>kai::console::NamespacePage</name>
    <message>
        <source>Robot accounts</source>
        <translation>机器人帐户</translation>
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
    <name>kai::console::RobotAccountsTab</name>
    <message>
        <source>Create robot account</source>
        <translation>创建机器人帐户</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>凭证</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Search by Robot account name...</source>
        <translation>按机器人帐户名称搜索...</translation>
    </message>
    <message>
        <source>There are no viewable robot accounts for this organization</source>
        <translation>此机构没有可查看的机器人帐户</translation>
    </message>
    <message>
        <source>Robot accounts</source>
        <translation>机器人帐户</translation>
    </message>
    <message>
        <source>Could not load robot accounts: %1</source>
        <translation>无法加载机器人帐户：%1</translation>
    </message>
    <message>
        <source>Select a robot account to see its details.</source>
        <translation>选择一个机器人帐户以查看其详细信息。</translation>
    </message>
    <message numerus="yes">
        <source>%n robot account(s) selected</source>
        <translation>
            <numerusform>已选择 %n 个机器人帐户</numerusform>
        </translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>No description</source>
        <translation>无描述</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;&lt;b&gt;Teams:&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Repositories:&lt;/b&gt; %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;&lt;b&gt;团队：&lt;/b&gt;%3&lt;br&gt;&lt;b&gt;存储库：&lt;/b&gt;%4</translation>
    </message>
    <message>
        <source>Successfully created robot account with robot name: %1</source>
        <translation>已成功创建机器人帐户，机器人名称：%1</translation>
    </message>
    <message>
        <source>Regenerated the token of %1</source>
        <translation>已重新生成 %1 的令牌</translation>
    </message>
    <message>
        <source>Permanently delete robot accounts?</source>
        <translation>永久删除机器人帐户？</translation>
    </message>
    <message>
        <source>This action deletes the robot accounts with their permissions and cannot be undone. These will be deleted:</source>
        <translation>此操作将删除机器人帐户及其权限，且无法撤销。将删除以下各项：</translation>
    </message>
    <message numerus="yes">
        <source>Successfully deleted %n robot account(s)</source>
        <translation>
            <numerusform>已成功删除 %n 个机器人帐户</numerusform>
        </translation>
    </message>
    <message>
        <source>Error deleting robot account</source>
        <translation>删除机器人帐户时出错</translation>
    </message>
</context>
<context>
    <name>kai::console::RobotCredentialsDialog</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Regenerate token now</source>
        <translation>立即重新生成令牌</translation>
    </message>
    <message>
        <source>Credentials for %1</source>
        <translation>%1 的凭证</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Registry</translation>
    </message>
    <message>
        <source>Robot Account</source>
        <translation>机器人帐户</translation>
    </message>
    <message>
        <source>Kubernetes</source>
        <translation>Kubernetes</translation>
    </message>
    <message>
        <source>Enter the following command on the command line:</source>
        <translation>在命令行中输入以下命令：</translation>
    </message>
    <message>
        <source>Podman</source>
        <translation>Podman</translation>
    </message>
    <message>
        <source>Docker Login</source>
        <translation>Docker 登录</translation>
    </message>
    <message>
        <source>Docker Configuration</source>
        <translation>Docker 配置</translation>
    </message>
    <message>
        <source>Scope of the Kubernetes secret and Docker configuration:</source>
        <translation>Kubernetes secret 和 Docker 配置的范围：</translation>
    </message>
    <message>
        <source>Username (robot account)</source>
        <translation>用户名（机器人帐户）</translation>
    </message>
    <message>
        <source>Robot token</source>
        <translation>机器人令牌</translation>
    </message>
    <message>
        <source>Regenerating the token invalidates every login that uses the current one.</source>
        <translation>重新生成令牌会使所有使用当前令牌的登录失效。</translation>
    </message>
    <message>
        <source>Save this Secret of type kubernetes.io/dockerconfigjson, then create it with kubectl create -f &lt;file&gt; --namespace=NAMESPACEHERE and name it in the imagePullSecrets of a pod.</source>
        <translation>保存此 kubernetes.io/dockerconfigjson 类型的 Secret，然后使用 kubectl create -f &lt;file&gt; --namespace=NAMESPACEHERE 创建它，并在 pod 的 imagePullSecrets 中引用它。</translation>
    </message>
    <message>
        <source>Save to file...</source>
        <translation>保存到文件...</translation>
    </message>
    <message>
        <source>Save this file as ~/.docker/config.json. It replaces the Docker configuration there, including the logins of other registries.</source>
        <translation>将此文件保存为 ~/.docker/config.json。它会替换该处的 Docker 配置，包括其他 registry 的登录信息。</translation>
    </message>
    <message>
        <source>Could not load the robot&apos;s token: %1</source>
        <translation>无法加载机器人帐户的令牌：%1</translation>
    </message>
    <message>
        <source>Regenerate token?</source>
        <translation>重新生成令牌？</translation>
    </message>
    <message>
        <source>Logins that use the current token of %1 stop working.</source>
        <translation>使用 %1 当前令牌的登录将失效。</translation>
    </message>
    <message>
        <source>Regenerate token</source>
        <translation>重新生成令牌</translation>
    </message>
    <message>
        <source>Could not regenerate the token: %1</source>
        <translation>无法重新生成令牌：%1</translation>
    </message>
    <message>
        <source>The token was regenerated.</source>
        <translation>令牌已重新生成。</translation>
    </message>
    <message>
        <source>Save to file</source>
        <translation>保存到文件</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
</context>
<context>
    <name>kai::console::RobotListModel</name>
    <message>
        <source>No teams</source>
        <translation>无团队</translation>
    </message>
    <message numerus="yes">
        <source>%n team(s)</source>
        <translation>
            <numerusform>%n 个团队</numerusform>
        </translation>
    </message>
    <message>
        <source>No repositories</source>
        <translation>无存储库</translation>
    </message>
    <message numerus="yes">
        <source>%n repository(ies)</source>
        <translation>
            <numerusform>%n 个存储库</numerusform>
        </translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>Robot account name</source>
        <translation>机器人帐户名称</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Repositories</source>
        <translation>存储库</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
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
