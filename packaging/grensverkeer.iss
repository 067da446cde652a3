; Inno Setup script of the Windows installer of Grensverkeer (Inno Setup 6.3 or newer).
;
;     python packaging\build.py --smoke
;     iscc /DAppVersion=0.1.0 packaging\grensverkeer.iss
;
; It installs the one-folder bundle that packaging\build.py made in dist\grensverkeer\ into
; Program Files\Grensverkeer, with start-menu entries (the window, the demo region, a command
; prompt for the command line, the uninstaller) and an optional desktop shortcut. The
; uninstaller (Settings > Apps, or the start-menu entry) removes the program folder and the
; shortcuts, and leaves the user's data alone: the database, the pseudonym key and the log are
; in %LOCALAPPDATA%\Grensverkeer and stay where they are. The installer lands in
; dist\installer\grensverkeer-VERSION-setup.exe. See packaging\README.md.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Grensverkeer"
#define AppExe "grensverkeer-app.exe"
#define CliExe "grensverkeer.exe"

[Setup]
; The AppId identifies the installation for updates and the uninstaller: never change it.
AppId={{A3AD8E1A-13F5-4F72-B584-C6931D331F0A}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Grensverkeer
AppComments=Grensverkeer van zorg in onderwijs: matrix en verrekening tussen gemeenten
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SourceDir=..
OutputDir=dist\installer
OutputBaseFilename=grensverkeer-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayName={#AppName} {#AppVersion}
UninstallDisplayIcon={app}\{#AppExe}
; A running Grensverkeer holds its files open: ask to close it before installing over it.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole bundle; files of an older version that are gone in this one are removed first.
Source: "dist\grensverkeer\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Comment: "Grensverkeer openen"
Name: "{group}\{#AppName} - demoregio"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"; WorkingDir: "{userdocs}"; Comment: "Grensverkeer openen op de demoregio (verzonnen gegevens)"
Name: "{group}\{#AppName} - opdrachtregel"; Filename: "{cmd}"; Parameters: "/k """"{app}\{#CliExe}"" --help"""; WorkingDir: "{userdocs}"; Comment: "Een opdrachtprompt met grensverkeer.exe"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Anything the program may have left in its own folder (it writes its data elsewhere).
Type: filesandordirs; Name: "{app}\_internal"
