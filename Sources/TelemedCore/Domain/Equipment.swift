/// A device a consultation may need. Extensible: a scenario may name kinds beyond the built-in
/// ones, and validation then checks that some site or unit provides each kind a request needs.
public struct Equipment: OpenVocabulary {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static let videoCart: Equipment = "videoCart"
    public static let dermatoscope: Equipment = "dermatoscope"
    public static let ecg: Equipment = "ecg"
    public static let retinalCamera: Equipment = "retinalCamera"
    public static let ultrasound: Equipment = "ultrasound"
    public static let spirometer: Equipment = "spirometer"
    public static let digitalStethoscope: Equipment = "digitalStethoscope"
    public static let woundCamera: Equipment = "woundCamera"

    public static let builtIn: [Equipment] = [
        .videoCart, .dermatoscope, .ecg, .retinalCamera, .ultrasound, .spirometer, .digitalStethoscope,
        .woundCamera,
    ]
}
