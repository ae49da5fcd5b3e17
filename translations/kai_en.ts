<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>kai::client::ApiError</name>
    <message numerus="yes">
        <source>%1 did not answer within %n second(s).</source>
        <translation>
            <numerusform>%1 did not answer within %n second.</numerusform>
            <numerusform>%1 did not answer within %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kai::console::NamespaceSettingsTab</name>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n week</numerusform>
            <numerusform>%n weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kai::console::OrganizationPeopleModel</name>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Direct permissions on %n repository(ies) under this organization</source>
        <translation>
            <numerusform>Direct permissions on %n repository under this organization</numerusform>
            <numerusform>Direct permissions on %n repositories under this organization</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kai::console::OrganizationsPage</name>
    <message numerus="yes">
        <source>Successfully deleted %n organization(s)</source>
        <translation>
            <numerusform>Successfully deleted %n organization</numerusform>
            <numerusform>Successfully deleted %n organizations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kai::console::RepositoriesPage</name>
    <message numerus="yes">
        <source>Successfully deleted %n repository(ies)</source>
        <translation>
            <numerusform>Successfully deleted %n repository</numerusform>
            <numerusform>Successfully deleted %n repositories</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kai::console::RepositoryPermissionsTab</name>
    <message numerus="yes">
        <source>Set %n permission(s) to %1</source>
        <translation>
            <numerusform>Set %n permission to %1</numerusform>
            <numerusform>Set %n permissions to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n permission(s)</source>
        <translation>
            <numerusform>Deleted %n permission</numerusform>
            <numerusform>Deleted %n permissions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kai::console::RobotAccountsTab</name>
    <message numerus="yes">
        <source>Successfully deleted %n robot account(s)</source>
        <translation>
            <numerusform>Successfully deleted %n robot account</numerusform>
            <numerusform>Successfully deleted %n robot accounts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kai::console::RobotListModel</name>
    <message numerus="yes">
        <source>%n team(s)</source>
        <translation>
            <numerusform>%n team</numerusform>
            <numerusform>%n teams</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repository(ies)</source>
        <translation>
            <numerusform>%n repository</numerusform>
            <numerusform>%n repositories</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kai::console::RobotPermissionsDialog</name>
    <message numerus="yes">
        <source>Set repository permissions for %n robot account(s)</source>
        <translation>
            <numerusform>Set repository permissions for %n robot account</numerusform>
            <numerusform>Set repository permissions for %n robot accounts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kai::console::SuperuserRowActions</name>
    <message numerus="yes">
        <source>New password (at least %n characters):</source>
        <translation>
            <numerusform>New password (at least %n characters):</numerusform>
            <numerusform>New password (at least %n characters):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Password must be at least %n characters</source>
        <translation>
            <numerusform>Password must be at least %n characters</numerusform>
            <numerusform>Password must be at least %n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kai::console::TeamChoiceModel</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kai::console::TeamListModel</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repository(ies)</source>
        <translation>
            <numerusform>%n repository</numerusform>
            <numerusform>%n repositories</numerusform>
        </translation>
    </message>
</context>
</TS>
