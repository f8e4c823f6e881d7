# DVZ Desktop – silent rollout in one step for software distribution (SCCM, Intune, GPO startup script):
#   powershell -ExecutionPolicy Bypass -File deploy.ps1 [-AutoStart]            # install
#   powershell -ExecutionPolicy Bypass -File deploy.ps1 -Uninstall               # remove
# Expects DVZ.msi (and optionally dvz-config.json) in the same folder.
param([switch]$AutoStart, [switch]$Uninstall)
$ErrorActionPreference = "Stop"
$msi = Join-Path $PSScriptRoot "DVZ.msi"
$installDir = Join-Path $env:ProgramFiles "DVZ Desktop"
if ($Uninstall) {
    & (Join-Path $PSScriptRoot "uninstall.ps1")
    Start-Process msiexec.exe -ArgumentList @("/x", "`"$msi`"", "/qn", "/norestart") -Wait
    exit 0
}
$process = Start-Process msiexec.exe -ArgumentList @("/i", "`"$msi`"", "/qn", "/norestart", "ALLUSERS=1") -Wait -PassThru
if ($process.ExitCode -ne 0) { throw "msiexec meldet $($process.ExitCode)" }
& (Join-Path $PSScriptRoot "install.ps1") -InstallDir $installDir -AutoStart:$AutoStart
