// The certificate kernel (see the files in this folder).
