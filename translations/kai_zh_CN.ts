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
    <message>
        <source>The certificate of %1 is not trusted (SHA-256 fingerprint %2).</source>
        <translation>%1 的证书不受信任（SHA-256 指纹 %2）。</translation>
    </message>
</context>
<context>
    <name>kai::console::AddPermissionDialog</name>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Add Permission (%1/%2)</source>
        <translation>添加权限（%1/%2）</translation>
    </message>
    <message>
        <source>Select a team or user</source>
        <translation>选择团队或用户</translation>
    </message>
    <message>
        <source>Select a permission</source>
        <translation>选择权限</translation>
    </message>
    <message>
        <source>Unable to set permissions for %1: %2</source>
        <translation>无法为 %1 设置权限：%2</translation>
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
    <name>kai::console::CreatePrototypeDialog</name>
    <message>
        <source>Create default permission</source>
        <translation>创建默认权限</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>任何人</translation>
    </message>
    <message>
        <source>Specific user</source>
        <translation>特定用户</translation>
    </message>
    <message>
        <source>Search user/robot</source>
        <translation>搜索用户/机器人帐户</translation>
    </message>
    <message>
        <source>Search, invite or add user/robot/team</source>
        <translation>搜索、邀请或添加用户/机器人帐户/团队</translation>
    </message>
    <message>
        <source>Applies when a repository is created by:</source>
        <translation>在以下人员创建存储库时应用：</translation>
    </message>
    <message>
        <source>Repository creator</source>
        <translation>存储库创建者</translation>
    </message>
    <message>
        <source>Applied to</source>
        <translation>应用于</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Unable to create default permission for creator: %1</source>
        <translation>无法为创建者创建默认权限：%1</translation>
    </message>
    <message>
        <source>Unable to apply default permission to: %1</source>
        <translation>无法将默认权限应用于：%1</translation>
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
    <name>kai::console::CreateRobotWizard</name>
    <message>
        <source>Create robot account (%1)</source>
        <translation>创建机器人帐户（%1）</translation>
    </message>
    <message>
        <source>Review and Finish</source>
        <translation>检查并完成</translation>
    </message>
    <message>
        <source>Robot name and description</source>
        <translation>机器人帐户名称和描述</translation>
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
        <source>Add to team (optional)</source>
        <translation>添加到团队（可选）</translation>
    </message>
    <message>
        <source>The robot account gets the repository permissions of every team it joins.</source>
        <translation>机器人帐户将获得其加入的每个团队的存储库权限。</translation>
    </message>
    <message>
        <source>Search by Team name...</source>
        <translation>按团队名称搜索...</translation>
    </message>
    <message>
        <source>This organization has no teams.</source>
        <translation>此机构没有团队。</translation>
    </message>
    <message>
        <source>Create new team</source>
        <translation>创建新团队</translation>
    </message>
    <message>
        <source>Team name</source>
        <translation>团队名称</translation>
    </message>
    <message>
        <source>Create new team:</source>
        <translation>创建新团队：</translation>
    </message>
    <message>
        <source>Add to repository (optional)</source>
        <translation>添加到存储库（可选）</translation>
    </message>
    <message>
        <source>Pick a level for each repository the robot account may use; picking one selects the row.</source>
        <translation>为机器人帐户可以使用的每个存储库选择一个权限级别；选择级别即会选中该行。</translation>
    </message>
    <message>
        <source>Default permissions (optional)</source>
        <translation>默认权限（可选）</translation>
    </message>
    <message>
        <source>A default permission grants the robot account this level on every repository created in the organization from now on. Existing repositories are not changed.</source>
        <translation>默认权限会为机器人帐户在此机构中从现在起创建的每个存储库上授予此级别的权限。现有存储库不会更改。</translation>
    </message>
    <message>
        <source>Applied To</source>
        <translation>应用于</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Could not load the teams: %1</source>
        <translation>无法加载团队：%1</translation>
    </message>
    <message>
        <source>Failed to create new team: %1</source>
        <translation>创建新团队失败：%1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>No description</source>
        <translation>无描述</translation>
    </message>
    <message>
        <source>&lt;b&gt;Robot account:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Description:&lt;/b&gt; %2&lt;br&gt;&lt;b&gt;Teams:&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Repositories:&lt;/b&gt; %4&lt;br&gt;&lt;b&gt;Default permission:&lt;/b&gt; %5</source>
        <translation>&lt;b&gt;机器人帐户：&lt;/b&gt;%1&lt;br&gt;&lt;b&gt;描述：&lt;/b&gt;%2&lt;br&gt;&lt;b&gt;团队：&lt;/b&gt;%3&lt;br&gt;&lt;b&gt;存储库：&lt;/b&gt;%4&lt;br&gt;&lt;b&gt;默认权限：&lt;/b&gt;%5</translation>
    </message>
    <message>
        <source>Unable to create robot account: %1</source>
        <translation>无法创建机器人帐户：%1</translation>
    </message>
    <message>
        <source>Error updating repository permissions for the robot account</source>
        <translation>为机器人帐户更新存储库权限时出错</translation>
    </message>
    <message>
        <source>Error updating teams for the robot account</source>
        <translation>为机器人帐户更新团队时出错</translation>
    </message>
    <message>
        <source>Error updating default permissions for the robot account</source>
        <translation>为机器人帐户更新默认权限时出错</translation>
    </message>
    <message>
        <source>Robot account %1 created</source>
        <translation>已创建机器人帐户 %1</translation>
    </message>
    <message>
        <source>Create team</source>
        <translation>创建团队</translation>
    </message>
</context>
<context>
    <name>kai::console::CreateTeamDialog</name>
    <message>
        <source>Proceed</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Create team</source>
        <translation>创建团队</translation>
    </message>
    <message>
        <source>Provide a name for your new team:</source>
        <translation>为新团队提供一个名称：</translation>
    </message>
    <message>
        <source>Provide an optional description for your new team:</source>
        <translation>为新团队提供可选的描述：</translation>
    </message>
    <message>
        <source>Team names are 2 to 255 lowercase letters and digits, separated by single &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>团队名称由 2 到 255 个小写字母和数字组成，可用单个“.”、“_”或“-”分隔</translation>
    </message>
    <message>
        <source>Team &quot;%1&quot; already exists</source>
        <translation>团队“%1”已存在</translation>
    </message>
    <message>
        <source>Failed to create new team: %1</source>
        <translation>创建新团队失败：%1</translation>
    </message>
</context>
<context>
    <name>kai::console::CreateTeamWizard</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Create team</source>
        <translation>创建团队</translation>
    </message>
    <message>
        <source>Review and Finish</source>
        <translation>检查并完成</translation>
    </message>
    <message>
        <source>No description</source>
        <translation>无描述</translation>
    </message>
    <message>
        <source>Team name:</source>
        <translation>团队名称：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>描述：</translation>
    </message>
    <message>
        <source>Name &amp; Description</source>
        <translation>名称和描述</translation>
    </message>
    <message>
        <source>Add to repository (optional)</source>
        <translation>添加到存储库（可选）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Add a registered user or robot to the team:</source>
        <translation>将已注册用户或机器人帐户添加到团队：</translation>
    </message>
    <message>
        <source>Add team member (optional)</source>
        <translation>添加团队成员（可选）</translation>
    </message>
    <message>
        <source>Robot account</source>
        <translation>机器人帐户</translation>
    </message>
    <message>
        <source>Team member</source>
        <translation>团队成员</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Team name: %1
Description: %2
Repositories: %3
Members: %4</source>
        <translation>团队名称：%1
描述：%2
存储库：%3
成员：%4</translation>
    </message>
    <message>
        <source>Unable to add members to team</source>
        <translation>无法将成员添加到团队</translation>
    </message>
</context>
<context>
    <name>kai::console::CreateUserDialog</name>
    <message>
        <source>Create User</source>
        <translation>创建用户</translation>
    </message>
    <message>
        <source>Create New User</source>
        <translation>创建新用户</translation>
    </message>
    <message>
        <source>email@provider.com</source>
        <translation>email@provider.com</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Username is required</source>
        <translation>用户名为必填项</translation>
    </message>
    <message>
        <source>Username must be at least 2 characters</source>
        <translation>用户名至少需要 2 个字符</translation>
    </message>
    <message>
        <source>Username must be at most 255 characters</source>
        <translation>用户名最多 255 个字符</translation>
    </message>
    <message>
        <source>Username must contain only lowercase letters, numbers, hyphens, and underscores</source>
        <translation>用户名只能包含小写字母、数字、连字符和下划线</translation>
    </message>
    <message>
        <source>Email is required</source>
        <translation>电子邮件为必填项</translation>
    </message>
    <message>
        <source>Invalid email address</source>
        <translation>电子邮件地址无效</translation>
    </message>
    <message>
        <source>Failed to create user: %1</source>
        <translation>创建用户失败：%1</translation>
    </message>
</context>
<context>
    <name>kai::console::DefaultPermissionsTab</name>
    <message>
        <source>Create default permission</source>
        <translation>创建默认权限</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Search by Repository Created By...</source>
        <translation>按存储库创建者搜索...</translation>
    </message>
    <message>
        <source>Default permissions grant permissions automatically to repositories created in this organization, depending on who creates them. Repositories that exist already are not changed.</source>
        <translation>默认权限会根据创建者，自动为在此机构中创建的存储库授予权限。已存在的存储库不会更改。</translation>
    </message>
    <message>
        <source>There are no default permissions for this organization</source>
        <translation>此机构没有默认权限</translation>
    </message>
    <message>
        <source>Default permissions</source>
        <translation>默认权限</translation>
    </message>
    <message>
        <source>Could not load default permissions: %1</source>
        <translation>无法加载默认权限：%1</translation>
    </message>
    <message>
        <source>Successfully created default permission for creator: %1</source>
        <translation>已成功为创建者创建默认权限：%1</translation>
    </message>
    <message>
        <source>Successfully applied default permission to: %1</source>
        <translation>已成功将默认权限应用于：%1</translation>
    </message>
    <message>
        <source>Unable to update permission to: %1 (%2)</source>
        <translation>无法将权限更新为：%1（%2）</translation>
    </message>
    <message>
        <source>Permission updated successfully to: %1</source>
        <translation>已成功将权限更新为：%1</translation>
    </message>
    <message>
        <source>Unable to delete permission created by: %1 (%2)</source>
        <translation>无法删除创建者为 %1 的权限（%2）</translation>
    </message>
    <message>
        <source>Permission created by: %1 successfully deleted</source>
        <translation>已成功删除创建者为 %1 的权限</translation>
    </message>
    <message>
        <source>Delete Permission</source>
        <translation>删除权限</translation>
    </message>
    <message>
        <source>%1 → %2 (%3)</source>
        <translation>%1 → %2（%3）</translation>
    </message>
    <message>
        <source>Permanently delete default permissions?</source>
        <translation>永久删除默认权限？</translation>
    </message>
    <message>
        <source>This action deletes these default permissions; repositories created before keep their permissions:</source>
        <translation>此操作将删除这些默认权限；之前创建的存储库会保留其权限：</translation>
    </message>
    <message>
        <source>Successfully deleted default permissions</source>
        <translation>已成功删除默认权限</translation>
    </message>
    <message>
        <source>Deletion failed</source>
        <translation>删除失败</translation>
    </message>
</context>
<context>
    <name>kai::console::EntityListModel</name>
    <message>
        <source>No results found</source>
        <translation>未找到结果</translation>
    </message>
    <message>
        <source>robot</source>
        <translation>机器人帐户</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>organization</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>external user</source>
        <translation>外部用户</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>An entity picker result: its name and what it is (&quot;alice (user)&quot;, &quot;acme+ci (robot)&quot;).</extracomment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Robot accounts</source>
        <translation>机器人帐户</translation>
    </message>
    <message>
        <source>Create team</source>
        <translation>创建团队</translation>
    </message>
    <message>
        <source>Create robot account</source>
        <translation>创建机器人帐户</translation>
    </message>
</context>
<context>
    <name>kai::console::EntityPicker</name>
    <message>
        <source>Search for a user, robot account or team</source>
        <translation>搜索用户、机器人帐户或团队</translation>
    </message>
    <message>
        <source>Could not search: %1</source>
        <translation>无法搜索：%1</translation>
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
    <message>
        <source>Successfully deleted repository %1</source>
        <translation>已成功删除存储库 %1</translation>
    </message>
    <message>
        <source>&amp;Account Settings</source>
        <translation>帐户设置(&amp;A)</translation>
    </message>
</context>
<context>
    <name>kai::console::NamespacePage</name>
    <message>
        <source>Robot accounts</source>
        <translation>机器人帐户</translation>
    </message>
    <message>
        <source>Repositories</source>
        <translation>存储库</translation>
    </message>
    <message>
        <source>Teams and membership</source>
        <translation>团队和成员资格</translation>
    </message>
    <message>
        <source>Default permissions</source>
        <translation>默认权限</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>kai::console::NamespaceSettingsTab</name>
    <message>
        <source>Time machine</source>
        <translation>时间机器</translation>
    </message>
    <message>
        <source>The amount of time, after a tag is deleted, that the tag is accessible in time machine before being garbage collected.</source>
        <translation>标签被删除后、被垃圾回收之前，可以通过时间机器访问该标签的时长。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>email@provider.com</source>
        <translation>email@provider.com</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>General settings</source>
        <translation>常规设置</translation>
    </message>
    <message>
        <source>None (deleted tags cannot be restored)</source>
        <translation>无（已删除的标签无法恢复）</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Could not load the registry&apos;s configuration: %1</source>
        <translation>无法加载 registry 的配置：%1</translation>
    </message>
    <message>
        <source>Could not load the settings: %1</source>
        <translation>无法加载设置：%1</translation>
    </message>
    <message>
        <source>Please enter a valid email address</source>
        <translation>请输入有效的电子邮件地址</translation>
    </message>
    <message>
        <source>Successfully updated settings</source>
        <translation>已成功更新设置</translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n 周</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
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
    <name>kai::console::OrganizationPeopleModel</name>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Direct repository permissions</source>
        <translation>直接存储库权限</translation>
    </message>
    <message numerus="yes">
        <source>Direct permissions on %n repository(ies) under this organization</source>
        <translation>
            <numerusform>对此机构下 %n 个存储库的直接权限</numerusform>
        </translation>
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
    <message>
        <source>Create User</source>
        <translation>创建用户</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Superuser actions for the selected row</source>
        <translation>针对所选行的超级用户操作</translation>
    </message>
    <message>
        <source>Successfully created user</source>
        <translation>已成功创建用户</translation>
    </message>
    <message>
        <source>Could not load all organizations and users: %1</source>
        <translation>无法加载所有机构和用户：%1</translation>
    </message>
</context>
<context>
    <name>kai::console::PrototypeListModel</name>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Robot account</source>
        <translation>机器人帐户</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>organization default</source>
        <translation>机构默认</translation>
    </message>
    <message>
        <source>Applies to repositories created by anyone</source>
        <translation>适用于任何人创建的存储库</translation>
    </message>
    <message>
        <source>Repository Created By</source>
        <translation>存储库创建者</translation>
    </message>
    <message>
        <source>Permission Applied To</source>
        <translation>权限应用于</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>权限</translation>
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
    <message>
        <source>Repository deletion failed</source>
        <translation>存储库删除失败</translation>
    </message>
    <message numerus="yes">
        <source>Successfully deleted %n repository(ies)</source>
        <translation>
            <numerusform>已成功删除 %n 个存储库</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kai::console::RepositoryDeleteSection</name>
    <message>
        <source>Delete Repository</source>
        <translation>删除存储库</translation>
    </message>
    <message>
        <source>Deleting a repository cannot be undone. Here be dragons!</source>
        <translation>删除存储库后无法撤销。请务必谨慎！</translation>
    </message>
    <message>
        <source>Delete Repository?</source>
        <translation>删除存储库？</translation>
    </message>
    <message>
        <source>Unable to delete repository: %1</source>
        <translation>无法删除存储库：%1</translation>
    </message>
    <message>
        <source>You are requesting to delete the repository %1. This action is irreversible.</source>
        <translation>您正在请求删除存储库 %1。此操作不可撤销。</translation>
    </message>
</context>
<context>
    <name>kai::console::RepositoryInformationTab</name>
    <message>
        <source>Pull Commands</source>
        <translation>拉取命令</translation>
    </message>
    <message>
        <source>Podman</source>
        <translation>Podman</translation>
    </message>
    <message>
        <source>Docker</source>
        <translation>Docker</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>公共</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>私有</translation>
    </message>
    <message>
        <source>Visibility: %1</source>
        <translation>可见性：%1</translation>
    </message>
    <message>
        <source>Visibility: %1 · State: %2</source>
        <translation>可见性：%1 · 状态：%2</translation>
    </message>
    <message>
        <source>No description provided</source>
        <translation>未提供描述</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Mirror</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Organization mirror</source>
        <translation>机构镜像</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
</context>
<context>
    <name>kai::console::RepositoryLevelGrid</name>
    <message>
        <source>Search by Repository...</source>
        <translation>按存储库搜索...</translation>
    </message>
    <message>
        <source>This namespace has no repositories yet.</source>
        <translation>此命名空间还没有存储库。</translation>
    </message>
    <message>
        <source>Set permission of selected</source>
        <translation>设置所选项的权限</translation>
    </message>
    <message>
        <source>Could not load the repositories: %1</source>
        <translation>无法加载存储库：%1</translation>
    </message>
</context>
<context>
    <name>kai::console::RepositoryLevelModel</name>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>存储库</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Last Updated</source>
        <translation>最后更新</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>写入</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>管理</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>混合</translation>
    </message>
    <message>
        <source>No permissions on the repository</source>
        <translation>对存储库没有任何权限</translation>
    </message>
    <message>
        <source>Can view and pull from the repository</source>
        <translation>可以查看存储库并从中拉取</translation>
    </message>
    <message>
        <source>Can view, pull, and push to the repository</source>
        <translation>可以查看存储库、从中拉取以及向其推送</translation>
    </message>
    <message>
        <source>Full admin access to the repository</source>
        <translation>对存储库拥有完全管理访问权限</translation>
    </message>
    <message>
        <source>The selected robot accounts differ here; unchanged unless you pick a level</source>
        <translation>所选机器人帐户在此处的权限不同；除非您选择级别，否则保持不变</translation>
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
    <name>kai::console::RepositoryPage</name>
    <message>
        <source>Information</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Could not load repository %1: %2</source>
        <translation>无法加载存储库 %1：%2</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>kai::console::RepositoryPermissionModel</name>
    <message>
        <source>Read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>写入</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>管理</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Robot</source>
        <translation>机器人帐户</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>帐户</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>权限</translation>
    </message>
</context>
<context>
    <name>kai::console::RepositoryPermissionsTab</name>
    <message>
        <source>Add permissions</source>
        <translation>添加权限</translation>
    </message>
    <message>
        <source>Search by Account...</source>
        <translation>按帐户搜索...</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Change Permissions</source>
        <translation>更改权限</translation>
    </message>
    <message>
        <source>No permissions are set on this repository</source>
        <translation>此存储库未设置任何权限</translation>
    </message>
    <message>
        <source>User and robot permissions</source>
        <translation>用户和机器人帐户权限</translation>
    </message>
    <message>
        <source>Could not load permissions: %1</source>
        <translation>无法加载权限：%1</translation>
    </message>
    <message>
        <source>Set the permission of %1 to %2</source>
        <translation>已将 %1 的权限设置为 %2</translation>
    </message>
    <message>
        <source>Unable to set permissions for %1: %2</source>
        <translation>无法为 %1 设置权限：%2</translation>
    </message>
    <message>
        <source>Unable to set permissions</source>
        <translation>无法设置权限</translation>
    </message>
    <message numerus="yes">
        <source>Set %n permission(s) to %1</source>
        <translation>
            <numerusform>已将 %n 个权限设置为 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n permission(s)</source>
        <translation>
            <numerusform>已删除 %n 个权限</numerusform>
        </translation>
    </message>
    <message>
        <source>Unable to bulk delete repository permissions</source>
        <translation>无法批量删除存储库权限</translation>
    </message>
</context>
<context>
    <name>kai::console::RepositorySettingsTab</name>
    <message>
        <source>User and robot permissions</source>
        <translation>用户和机器人帐户权限</translation>
    </message>
    <message>
        <source>Repository visibility</source>
        <translation>存储库可见性</translation>
    </message>
    <message>
        <source>Delete Repository</source>
        <translation>删除存储库</translation>
    </message>
</context>
<context>
    <name>kai::console::RepositoryVisibilitySection</name>
    <message>
        <source>Repository visibility</source>
        <translation>存储库可见性</translation>
    </message>
    <message>
        <source>This Repository is currently public and is visible to all users, and may be pulled by all users.</source>
        <translation>此存储库当前为公共存储库，对所有用户可见，且所有用户都可以拉取。</translation>
    </message>
    <message>
        <source>Make private</source>
        <translation>设为私有</translation>
    </message>
    <message>
        <source>This Repository is currently private. Only users on the permissions list may view and interact with it.</source>
        <translation>此存储库当前为私有存储库。只有权限列表中的用户才能查看和使用它。</translation>
    </message>
    <message>
        <source>Make public</source>
        <translation>设为公共</translation>
    </message>
    <message>
        <source>Unable to change visibility: %1</source>
        <translation>无法更改可见性：%1</translation>
    </message>
    <message>
        <source>Repository %1 is now public</source>
        <translation>存储库 %1 现在是公共的</translation>
    </message>
    <message>
        <source>Repository %1 is now private</source>
        <translation>存储库 %1 现在是私有的</translation>
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
    <message>
        <source>Set repository permissions</source>
        <translation>设置存储库权限</translation>
    </message>
    <message>
        <source>Expand</source>
        <translation>展开</translation>
    </message>
    <message>
        <source>Collapse</source>
        <translation>折叠</translation>
    </message>
    <message>
        <source>Successfully updated repository permission</source>
        <translation>已成功更新存储库权限</translation>
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
    <name>kai::console::RobotPermissionsDialog</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Set repository permissions for %1</source>
        <translation>为 %1 设置存储库权限</translation>
    </message>
    <message numerus="yes">
        <source>Set repository permissions for %n robot account(s)</source>
        <translation>
            <numerusform>为 %n 个机器人帐户设置存储库权限</numerusform>
        </translation>
    </message>
    <message>
        <source>Direct permissions of %1 on the repositories of %2.</source>
        <translation>%1 对 %2 的存储库拥有的直接权限。</translation>
    </message>
    <message>
        <source>Could not load the permissions of %1: %2</source>
        <translation>无法加载 %1 的权限：%2</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 @ %2</translation>
    </message>
    <message>
        <source>Failed to update repository permission</source>
        <translation>更新存储库权限失败</translation>
    </message>
</context>
<context>
    <name>kai::console::SelectableTable</name>
    <message>
        <source>Search by name...</source>
        <translation>按名称搜索...</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>已选</translation>
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
    <message>
        <source>Untrusted certificate</source>
        <translation>不受信任的证书</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted by this system, for example because it is self-signed.

Subject: %2
Issuer: %3
SHA-256 fingerprint:
%4

Trust it only if this is the fingerprint of your server&apos;s certificate. The console then accepts exactly this certificate for this server and asks again if it changes.</source>
        <translation>此系统不信任 %1 的证书，例如因为它是自签名证书。

主题：%2
颁发者：%3
SHA-256 指纹：
%4

仅当这是您的服务器证书的指纹时才信任它。之后，控制台将仅为此服务器接受此证书，如果证书发生变化，会再次询问。</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>信任此证书</translation>
    </message>
    <message>
        <source>Not signed in: the certificate of %1 was not trusted.</source>
        <translation>未登录：%1 的证书未被信任。</translation>
    </message>
</context>
<context>
    <name>kai::console::SingleValueDialog</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
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
    <name>kai::console::SuperuserRowActions</name>
    <message>
        <source>Rename Organization</source>
        <translation>重命名机构</translation>
    </message>
    <message>
        <source>Delete Organization</source>
        <translation>删除机构</translation>
    </message>
    <message>
        <source>Take Ownership</source>
        <translation>取得所有权</translation>
    </message>
    <message>
        <source>Change E-mail Address</source>
        <translation>更改电子邮件地址</translation>
    </message>
    <message>
        <source>Change Password</source>
        <translation>更改密码</translation>
    </message>
    <message>
        <source>Disable User</source>
        <translation>禁用用户</translation>
    </message>
    <message>
        <source>Delete User</source>
        <translation>删除用户</translation>
    </message>
    <message>
        <source>Enable User</source>
        <translation>启用用户</translation>
    </message>
    <message>
        <source>Enter a new name for the organization:</source>
        <translation>输入机构的新名称：</translation>
    </message>
    <message>
        <source>Organization name cannot be empty</source>
        <translation>机构名称不能为空</translation>
    </message>
    <message>
        <source>Failed to rename organization %1: %2</source>
        <translation>重命名机构 %1 失败：%2</translation>
    </message>
    <message>
        <source>Successfully renamed organization from %1 to %2</source>
        <translation>已成功将机构 %1 重命名为 %2</translation>
    </message>
    <message>
        <source>This deletes the organization with all its repositories, teams and robot accounts. It cannot be undone.</source>
        <translation>这将删除该机构及其所有存储库、团队和机器人帐户。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Successfully deleted organization %1</source>
        <translation>已成功删除机构 %1</translation>
    </message>
    <message>
        <source>Failed to delete organization %1</source>
        <translation>删除机构 %1 失败</translation>
    </message>
    <message>
        <source>Are you sure you want to take ownership of organization %1? You will be added to its owners team.</source>
        <translation>确定要取得机构 %1 的所有权吗？您将被添加到其 owners 团队中。</translation>
    </message>
    <message>
        <source>Successfully took ownership of organization %1</source>
        <translation>已成功取得机构 %1 的所有权</translation>
    </message>
    <message>
        <source>Failed to take ownership of organization %1</source>
        <translation>取得机构 %1 的所有权失败</translation>
    </message>
    <message>
        <source>Are you sure you want to take ownership of user %1? The namespace becomes an organization owned by you and %1 will no longer be able to sign in.</source>
        <translation>确定要取得用户 %1 的所有权吗？该命名空间将成为由您拥有的机构，并且 %1 将无法再登录。</translation>
    </message>
    <message>
        <source>Successfully took ownership of user %1</source>
        <translation>已成功取得用户 %1 的所有权</translation>
    </message>
    <message>
        <source>Failed to take ownership of user %1</source>
        <translation>取得用户 %1 的所有权失败</translation>
    </message>
    <message>
        <source>Change Email for %1</source>
        <translation>更改 %1 的电子邮件</translation>
    </message>
    <message>
        <source>New e-mail address:</source>
        <translation>新电子邮件地址：</translation>
    </message>
    <message>
        <source>Email cannot be empty</source>
        <translation>电子邮件不能为空</translation>
    </message>
    <message>
        <source>Please enter a valid email address</source>
        <translation>请输入有效的电子邮件地址</translation>
    </message>
    <message>
        <source>Failed to change email for %1: %2</source>
        <translation>更改 %1 的电子邮件失败：%2</translation>
    </message>
    <message>
        <source>Successfully changed email for %1</source>
        <translation>已成功更改 %1 的电子邮件</translation>
    </message>
    <message>
        <source>Change Password for %1</source>
        <translation>更改 %1 的密码</translation>
    </message>
    <message numerus="yes">
        <source>New password (at least %n characters):</source>
        <translation>
            <numerusform>新密码（至少 %n 个字符）：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Password must be at least %n characters</source>
        <translation>
            <numerusform>密码至少需要 %n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed to change password for %1: %2</source>
        <translation>更改 %1 的密码失败：%2</translation>
    </message>
    <message>
        <source>Successfully changed password for %1</source>
        <translation>已成功更改 %1 的密码</translation>
    </message>
    <message>
        <source>Enable user %1? They will be able to sign in again.</source>
        <translation>启用用户 %1？该用户将能够再次登录。</translation>
    </message>
    <message>
        <source>Disable user %1? They will no longer be able to sign in, and their robot accounts and tokens stop working.</source>
        <translation>禁用用户 %1？该用户将无法再登录，其机器人帐户和令牌也将停止工作。</translation>
    </message>
    <message>
        <source>Successfully enabled user %1</source>
        <translation>已成功启用用户 %1</translation>
    </message>
    <message>
        <source>Successfully disabled user %1</source>
        <translation>已成功禁用用户 %1</translation>
    </message>
    <message>
        <source>Failed to enable user %1</source>
        <translation>启用用户 %1 失败</translation>
    </message>
    <message>
        <source>Failed to disable user %1</source>
        <translation>禁用用户 %1 失败</translation>
    </message>
    <message>
        <source>This deletes user %1 with all their repositories and data. It cannot be undone.</source>
        <translation>这将删除用户 %1 及其所有存储库和数据。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Successfully deleted user %1</source>
        <translation>已成功删除用户 %1</translation>
    </message>
    <message>
        <source>Failed to delete user %1</source>
        <translation>删除用户 %1 失败</translation>
    </message>
</context>
<context>
    <name>kai::console::TeamChoiceModel</name>
    <message>
        <source>Admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>创建者</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n 个成员</numerusform>
        </translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
</context>
<context>
    <name>kai::console::TeamListModel</name>
    <message>
        <source>Admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>创建者</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Team is synchronized with a backing group</source>
        <translation>团队已与后备组同步</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n 个成员</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repository(ies)</source>
        <translation>
            <numerusform>%n 个存储库</numerusform>
        </translation>
    </message>
    <message>
        <source>Team name</source>
        <translation>团队名称</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Repositories</source>
        <translation>存储库</translation>
    </message>
    <message>
        <source>Team role</source>
        <translation>团队角色</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
</context>
<context>
    <name>kai::console::TeamMemberModel</name>
    <message>
        <source>(Invited)</source>
        <translation>（已邀请）</translation>
    </message>
    <message>
        <source>Robot account</source>
        <translation>机器人帐户</translation>
    </message>
    <message>
        <source>Team member</source>
        <translation>团队成员</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>帐户</translation>
    </message>
</context>
<context>
    <name>kai::console::TeamMembersDialog</name>
    <message>
        <source>Add member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>邀请</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Manage members of %1</source>
        <translation>管理 %1 的成员</translation>
    </message>
    <message>
        <source>There are no viewable members for this team</source>
        <translation>此团队没有可查看的成员</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>Add a registered user, robot to team:</source>
        <translation>将已注册用户或机器人帐户添加到团队：</translation>
    </message>
    <message>
        <source>Invite by e-mail:</source>
        <translation>通过电子邮件邀请：</translation>
    </message>
    <message>
        <source>Could not load the members of %1: %2</source>
        <translation>无法加载 %1 的成员：%2</translation>
    </message>
    <message>
        <source>Successfully added &quot;%1&quot; to team</source>
        <translation>已成功将“%1”添加到团队</translation>
    </message>
    <message>
        <source>Unable to add &quot;%1&quot; to team: %2</source>
        <translation>无法将“%1”添加到团队：%2</translation>
    </message>
    <message>
        <source>Invited %1 to team %2</source>
        <translation>已邀请 %1 加入团队 %2</translation>
    </message>
    <message>
        <source>Unable to invite %1 to team: %2</source>
        <translation>无法邀请 %1 加入团队：%2</translation>
    </message>
    <message>
        <source>Remove member from team</source>
        <translation>从团队中移除成员</translation>
    </message>
    <message>
        <source>Are you sure you want to delete %1 ?</source>
        <translation>确定要删除 %1 吗？</translation>
    </message>
    <message>
        <source>Successfully deleted team member: %1</source>
        <translation>已成功删除团队成员：%1</translation>
    </message>
    <message>
        <source>Unable to delete team member: %1, %2</source>
        <translation>无法删除团队成员：%1，%2</translation>
    </message>
</context>
<context>
    <name>kai::console::TeamPermissionsDialog</name>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Set repository permissions for %1</source>
        <translation>为 %1 设置存储库权限</translation>
    </message>
    <message>
        <source>Could not load the permissions of %1: %2</source>
        <translation>无法加载 %1 的权限：%2</translation>
    </message>
    <message>
        <source>Could not update repo permissions</source>
        <translation>无法更新存储库权限</translation>
    </message>
</context>
<context>
    <name>kai::console::TeamRoleDialog</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Team role of %1</source>
        <translation>%1 的团队角色</translation>
    </message>
    <message>
        <source>Full administrative access to the organization</source>
        <translation>对机构拥有完全管理访问权限</translation>
    </message>
    <message>
        <source>Inherits all permissions of the team</source>
        <translation>继承团队的所有权限</translation>
    </message>
    <message>
        <source>Member and can create new repositories</source>
        <translation>成员，并且可以创建新存储库</translation>
    </message>
    <message>
        <source>Team role:</source>
        <translation>团队角色：</translation>
    </message>
    <message>
        <source>Unable to update role for team: %1, %2</source>
        <translation>无法更新团队的角色：%1，%2</translation>
    </message>
</context>
<context>
    <name>kai::console::TeamsTab</name>
    <message>
        <source>Create new team</source>
        <translation>创建新团队</translation>
    </message>
    <message>
        <source>Manage team members</source>
        <translation>管理团队成员</translation>
    </message>
    <message>
        <source>Set repository permissions</source>
        <translation>设置存储库权限</translation>
    </message>
    <message>
        <source>Set team role</source>
        <translation>设置团队角色</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove user from organization</source>
        <translation>从机构中移除用户</translation>
    </message>
    <message>
        <source>This organization has no teams</source>
        <translation>此机构没有团队</translation>
    </message>
    <message>
        <source>This organization has no members</source>
        <translation>此机构没有成员</translation>
    </message>
    <message>
        <source>This organization has no collaborators</source>
        <translation>此机构没有协作者</translation>
    </message>
    <message>
        <source>Team View</source>
        <translation>团队视图</translation>
    </message>
    <message>
        <source>Members View</source>
        <translation>成员视图</translation>
    </message>
    <message>
        <source>Collaborators View</source>
        <translation>协作者视图</translation>
    </message>
    <message>
        <source>Teams and membership</source>
        <translation>团队和成员资格</translation>
    </message>
    <message>
        <source>Search by Team name...</source>
        <translation>按团队名称搜索...</translation>
    </message>
    <message>
        <source>Search by User name...</source>
        <translation>按用户名搜索...</translation>
    </message>
    <message>
        <source>Could not load teams: %1</source>
        <translation>无法加载团队：%1</translation>
    </message>
    <message>
        <source>Could not load: %1</source>
        <translation>无法加载：%1</translation>
    </message>
    <message>
        <source>Successfully created new team: %1</source>
        <translation>已成功创建新团队：%1</translation>
    </message>
    <message>
        <source>Successfully added members to team</source>
        <translation>已成功将成员添加到团队</translation>
    </message>
    <message>
        <source>Updated repo perm for team: %1 successfully</source>
        <translation>已成功更新团队 %1 的存储库权限</translation>
    </message>
    <message>
        <source>Team role updated successfully for: %1</source>
        <translation>已成功更新团队角色：%1</translation>
    </message>
    <message>
        <source>Permanently delete teams?</source>
        <translation>永久删除团队？</translation>
    </message>
    <message>
        <source>This action deletes the teams with their memberships and repository permissions and cannot be undone. These will be deleted:</source>
        <translation>此操作将删除团队及其成员资格和存储库权限，且无法撤销。将删除以下各项：</translation>
    </message>
    <message>
        <source>Could not delete team %1: %2</source>
        <translation>无法删除团队 %1：%2</translation>
    </message>
    <message>
        <source>Successfully deleted teams</source>
        <translation>已成功删除团队</translation>
    </message>
    <message>
        <source>Deletion failed</source>
        <translation>删除失败</translation>
    </message>
    <message>
        <source>Are you sure you want to delete %1 ?

The user loses every team membership and repository permission in this organization.</source>
        <translation>确定要删除 %1 吗？

该用户将失去在此机构中的所有团队成员资格和存储库权限。</translation>
    </message>
    <message>
        <source>Successfully deleted collaborator</source>
        <translation>已成功删除协作者</translation>
    </message>
    <message>
        <source>Error deleting collaborator: %1</source>
        <translation>删除协作者时出错：%1</translation>
    </message>
</context>
<context>
    <name>kai::console::TemporaryPasswordDialog</name>
    <message>
        <source>Create New User</source>
        <translation>创建新用户</translation>
    </message>
    <message>
        <source>User created successfully</source>
        <translation>已成功创建用户</translation>
    </message>
    <message>
        <source>Give %1 this password. It is shown only now and cannot be retrieved later.</source>
        <translation>请将此密码提供给 %1。它仅在此时显示，之后无法找回。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Temporary Password</source>
        <translation>临时密码</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
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
