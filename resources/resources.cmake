# Bundled icons and help pages, compiled into the target with rcc.
#
#   include(${PROJECT_SOURCE_DIR}/resources/resources.cmake)
#   mdm_add_resources(mdm_ui)
#
# Files are reachable under their path relative to this folder, e.g. ":/icons/platform-android.svg" and
# ":/help/faq.html" (QTextBrowser resolves the help pages' relative links as "qrc:/help/..."); a translated
# page sits in help/<language>/ under the English page's file name, e.g. ":/help/de/faq.html".
# Every file is listed explicitly (no glob): adding a file means adding it here.

# This folder, for other users in the including scope (e.g. a test that reads the files directly).
set(MDM_RESOURCES_DIR "${CMAKE_CURRENT_LIST_DIR}")

# The icons, for the window (mdm_ui).
function(mdm_add_resources target)
  # Inside a function body CMAKE_CURRENT_LIST_DIR names the *calling* file's folder (ui/), while
  # CMAKE_CURRENT_FUNCTION_LIST_DIR (CMake >= 3.17) names the folder of the file that defined the function,
  # i.e. this one, wherever the function is called from.
  set(dir "${CMAKE_CURRENT_FUNCTION_LIST_DIR}")

  set(files
      # Platform icons (models/domain.cpp: platformIconPath)
      "${dir}/icons/platform-android.svg"
      "${dir}/icons/platform-ios.svg"
      "${dir}/icons/platform-ipados.svg"
      "${dir}/icons/platform-macos.svg"
      "${dir}/icons/platform-windows.svg"
      "${dir}/icons/platform-other.svg"
      # Action icons
      "${dir}/icons/send-invite.svg"
      "${dir}/icons/resend.svg"
      "${dir}/icons/remove-request.svg"
      "${dir}/icons/reassign.svg"
      "${dir}/icons/deprovision.svg"
      "${dir}/icons/export.svg"
      "${dir}/icons/import.svg"
      "${dir}/icons/details.svg"
      "${dir}/icons/search.svg"
      "${dir}/icons/clear-filter.svg"
      "${dir}/icons/enrollment-steps.svg"
      "${dir}/icons/additional-device.svg"
      "${dir}/icons/audit-log.svg"
      "${dir}/icons/refresh.svg"
      "${dir}/icons/help.svg"
      "${dir}/icons/staged-remove.svg"
      "${dir}/icons/assign.svg"
      # Application icon
      "${dir}/icons/mdm-console.svg")

  foreach(file IN LISTS files)
    if(NOT EXISTS "${file}")
      message(FATAL_ERROR "mdm_add_resources: missing resource file ${file}")
    endif()
  endforeach()

  qt_add_resources(${target} "mdm_resources"
    PREFIX "/"
    BASE "${dir}"
    FILES ${files})
endfunction()

# The help pages, for the window's help browser and the gateway's landing page, which shows a platform's
# steps for the user (models/mail/help_steps.h): compiled into mdm_models, which both link.
function(mdm_add_help_pages target)
  set(dir "${CMAKE_CURRENT_FUNCTION_LIST_DIR}")
  set(files
      # Help pages (QTextBrowser; the landing page reads the enrollment steps)
      "${dir}/help/index.html"
      "${dir}/help/howto.html"
      "${dir}/help/troubleshooting.html"
      "${dir}/help/faq.html"
      "${dir}/help/enrollment-steps-android.html"
      "${dir}/help/enrollment-steps-ios.html"
      "${dir}/help/enrollment-steps-ipados.html"
      "${dir}/help/enrollment-steps-macos.html"
      "${dir}/help/enrollment-steps-windows.html"
      "${dir}/help/enrollment-steps-other.html"
      # The same pages in German (ui/dialogs/help_pages.h picks them by the UI language)
      "${dir}/help/de/index.html"
      "${dir}/help/de/howto.html"
      "${dir}/help/de/troubleshooting.html"
      "${dir}/help/de/faq.html"
      "${dir}/help/de/enrollment-steps-android.html"
      "${dir}/help/de/enrollment-steps-ios.html"
      "${dir}/help/de/enrollment-steps-ipados.html"
      "${dir}/help/de/enrollment-steps-macos.html"
      "${dir}/help/de/enrollment-steps-windows.html"
      "${dir}/help/de/enrollment-steps-other.html")

  foreach(file IN LISTS files)
    if(NOT EXISTS "${file}")
      message(FATAL_ERROR "mdm_add_help_pages: missing resource file ${file}")
    endif()
  endforeach()
  qt_add_resources(${target} "mdm_help_pages"
    PREFIX "/"
    BASE "${dir}"
    FILES ${files})
endfunction()
