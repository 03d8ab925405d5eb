import Foundation
import TelemedTestSupport
import Testing

@testable import TelemedCore

/// Seeded mutations of a valid travel matrix: each read ends in a `TravelModelError` naming its
/// problem, or in a model whose every leg is a finite, non-negative number.
@Suite("Travel matrix CSV under seeded mutations")
struct CSVFuzzTests {
    static let matrix = """
        from,to,minutes,kilometres
        E-21-0001,E-21-0002,23.5,18.2
        E-21-0002,"E-21-0003",12,9.5
        E-21-0003,E-21-0001,31,27.25

        T-21-0001,E-21-0001,8,6
        """
    static let origin = GeoPoint(latitude: 47.3, longitude: 5.0)

    @Test("mutated matrices load or are refused with a message, never a crash or a negative leg")
    func mutatedMatrices() {
        var (loaded, refused) = (0, 0)
        for (index, variant) in SeededMutations(of: Self.matrix, seed: 21, count: 500).enumerated() {
            do {
                let model = try MatrixTravelModel(csv: variant, symmetric: true)
                loaded += 1
                for from in ["E-21-0001", "E-21-0002", "E-21-0003", "T-21-0001"] {
                    for to in ["E-21-0001", "E-21-0002", "E-21-0003", "T-21-0001"] {
                        guard
                            let leg = try? model.leg(
                                from: TravelPoint(id: from, location: Self.origin),
                                to: TravelPoint(id: to, location: Self.origin))
                        else { continue }
                        #expect(
                            leg.minutes.isFinite && leg.minutes >= 0 && leg.kilometres.isFinite && leg.kilometres >= 0,
                            "variant \(index)")
                    }
                }
            } catch {
                refused += 1
                #expect(!error.message.isEmpty, "variant \(index)")
            }
        }
        #expect(loaded > 0 && refused > 0, "the mutations exercised both outcomes")
    }
}
