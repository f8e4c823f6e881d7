# DVZ Desktop – before removing the MSI: remove the dvz:// handler and the autostart entry.
#   powershell -ExecutionPolicy Bypass -File uninstall.ps1
$ErrorActionPreference = "Continue"
Remove-Item -Path "HKLM:\Software\Classes\dvz" -Recurse -Force -ErrorAction SilentlyContinue
Remove-ItemProperty -Path "HKLM:\Software\Microsoft\Windows\CurrentVersion\Run" -Name "DVZDesktop" `
    -ErrorAction SilentlyContinue
Write-Output "dvz://-Links und Autostart entfernt."
