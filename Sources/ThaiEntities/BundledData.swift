/// Read access to the data files embedded from Resources/, for the modules that build on the
/// recogniser (the role linker's office lexicon) without embedding the files a second time.
public enum BundledData {
    /// The text of the embedded file at `path` under Resources/ (e.g. "roles/offices.tsv"), or nil.
    public static func file(_ path: String) -> String? { BundledResources.files[path] }
}
