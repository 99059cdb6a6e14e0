# Placeholder; replaced with the real resource list.
function(mdm_add_resources target)
endfunction()
