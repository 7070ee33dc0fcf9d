; Inno Setup 6 script: the Windows installer around the built folder dist\desk (scripts/build.py
; runs it with /DAppVersion=... /DSourceDir=...). Everything inside the folder comes from the same
; PyInstaller build definition as the Linux build that CI tests (packaging/desk.spec).
;
;   per machine, into Program Files; Start-menu entries "desk" and "desk – Wartezimmeranzeige"
;   silent:   desk-<version>-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;             [/DATABASEURL="postgresql+psycopg://desk@server.local:5432/desk?sslmode=verify-full"]
;   upgrade:  run the newer setup; same AppId, so it replaces the program in place. The machine
;             configuration (C:\ProgramData\desk\desk.toml), the users' data and logs are never
;             touched, neither by an upgrade nor by uninstalling.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\dist\desk"
#endif

[Setup]
AppId={{6F1C2B7E-3D4A-4E8B-9C55-0D6E7A1B2C3D}
AppName=desk
AppVersion={#AppVersion}
AppPublisher=Diakonie
DefaultDirName={autopf}\desk
DefaultGroupName=desk
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputBaseFilename=desk-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
UninstallDisplayIcon={app}\desk.exe
; desk's icon (resources/icons/desk.ico, scripts/icons.py) on the setup program; the Start-menu
; entries take it from desk.exe, where packaging/desk.spec puts it
SetupIconFile=..\resources\icons\desk.ico

[Languages]
Name: "de"; MessagesFile: "compiler:Languages\German.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[InstallDelete]
; an upgrade leaves no stale library of the previous version behind
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Dirs]
; the machine configuration folder: readable by every user, changed by administrators only
Name: "{commonappdata}\desk"; Flags: uninsneveruninstall

[Icons]
Name: "{autoprograms}\desk"; Filename: "{app}\desk.exe"; IconFilename: "{app}\desk.exe"
Name: "{autoprograms}\desk – Wartezimmeranzeige"; Filename: "{app}\desk.exe"; Parameters: "--display"; IconFilename: "{app}\desk.exe"
Name: "{autoprograms}\desk – Ticket-Automat"; Filename: "{app}\desk.exe"; Parameters: "--kiosk"; IconFilename: "{app}\desk.exe"

[Run]
Filename: "{app}\desk.exe"; Description: "desk starten"; Flags: nowait postinstall skipifsilent

[Code]
{ /DATABASEURL=... writes the machine configuration once; an existing one is kept as it is. }
procedure CurStepChanged(CurStep: TSetupStep);
var
  Url, ConfigFile: String;
begin
  if CurStep = ssPostInstall then
  begin
    Url := ExpandConstant('{param:DATABASEURL|}');
    ConfigFile := ExpandConstant('{commonappdata}\desk\desk.toml');
    if (Url <> '') and not FileExists(ConfigFile) then
      SaveStringToFile(ConfigFile, '# written by the desk installer' + #13#10 + '[database]' + #13#10 +
        'url = "' + Url + '"' + #13#10, False);
  end;
end;
