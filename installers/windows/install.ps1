# DVZ Desktop – after the MSI: dvz:// link handler, optional autostart for all users, preset server.
# Run elevated, e.g. from deploy.ps1 or the software-distribution job:
#   powershell -ExecutionPolicy Bypass -File install.ps1 -InstallDir "C:\Program Files\DVZ Desktop" [-AutoStart]
# Everything goes to HKLM (all users). Nothing here runs a value from the registry or a link: the handler
# passes the link as one quoted argument to DVZ Desktop, which accepts only its allow-listed actions.
param(
    [Parameter(Mandatory = $true)][string]$InstallDir,
    [switch]$AutoStart,
    [string]$ConfigFile = (Join-Path $PSScriptRoot "dvz-config.json")
)
$ErrorActionPreference = "Stop"
$exe = Join-Path $InstallDir "DVZ Desktop.exe"
if (-not (Test-Path $exe)) { throw "DVZ Desktop.exe nicht gefunden in $InstallDir" }

# The server preset: Briefcase MSIs take no string properties, so the file placed next to the MSI is
# copied next to the program, where the client reads it (below user settings and group policy).
if (Test-Path $ConfigFile) { Copy-Item $ConfigFile (Join-Path $InstallDir "dvz-config.json") -Force }

# dvz:// protocol handler.
$classes = "HKLM:\Software\Classes\dvz"
New-Item -Path $classes -Force | Out-Null
Set-ItemProperty -Path $classes -Name "(default)" -Value "URL:DVZ Desktop"
Set-ItemProperty -Path $classes -Name "URL Protocol" -Value ""
New-Item -Path "$classes\DefaultIcon" -Force | Out-Null
Set-ItemProperty -Path "$classes\DefaultIcon" -Name "(default)" -Value "`"$exe`",0"
New-Item -Path "$classes\shell\open\command" -Force | Out-Null
Set-ItemProperty -Path "$classes\shell\open\command" -Name "(default)" -Value "`"$exe`" `"%1`""

# Optional autostart for every user who signs in.
$run = "HKLM:\Software\Microsoft\Windows\CurrentVersion\Run"
if ($AutoStart) {
    Set-ItemProperty -Path $run -Name "DVZDesktop" -Value "`"$exe`""
} else {
    Remove-ItemProperty -Path $run -Name "DVZDesktop" -ErrorAction SilentlyContinue
}
Write-Output "DVZ Desktop eingerichtet: dvz://-Links$(if ($AutoStart) { ', Autostart' })."
