package org.credence.core.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Limits on the shape of parsed JSON, checked in one linear pass before any JSON-LD processing: the
 * number of objects, of values (every member value and array element, at any depth) and the width
 * of the widest array.
 *
 * <p>Why: JSON-LD expansion and node-map building in titanium cost time quadratic in the number of
 * values of one property (each value added is compared with those already there), so a signed
 * credential with 30,000 {@code Result} objects (1.2 MB, under the size limit) held a thread for
 * minutes. The size limit alone does not bound that work; these counts do, and they are cheap to
 * take.
 *
 * <p>The {@link #DEFAULT} limits leave room above the largest real documents we measured (see
 * {@code docs/architecture.md}, "Verification cost is bounded"): a CLR with 150 fully filled nested
 * Open Badges passes, a credential with 30,000 results does not.
 *
 * @param maxObjects the most JSON objects in one document
 * @param maxValues the most values in one document (member values plus array elements)
 * @param maxArrayWidth the most elements in any one array
 */
public record JsonComplexity(int maxObjects, int maxValues, int maxArrayWidth) {

    /**
     * 20,000 objects, 120,000 values, 1,000 elements per array. The largest real credential we
     * measured (the 1EdTech "complete" example, every field filled) has 87 objects and 552 values;
     * a CLR holding 100 of them has 8,702 objects, 55,302 values and one array of 100, and the 4
     * MiB size limit stops such a CLR at about 160 credentials (14,000 objects, 90,000 values),
     * under these limits.
     */
    public static final JsonComplexity DEFAULT = new JsonComplexity(20_000, 120_000, 1_000);

    /** No limit: only for an envelope whose content is checked again where it is used. */
    public static final JsonComplexity UNBOUNDED =
            new JsonComplexity(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);

    public JsonComplexity {
        if (maxObjects <= 0 || maxValues <= 0 || maxArrayWidth <= 0) {
            throw new IllegalArgumentException("complexity limits must be positive");
        }
    }

    /**
     * Refuses a document over any limit.
     *
     * @throws InputException with {@link InputProblem#TOO_COMPLEX} and a plain reason
     */
    public void check(JsonValue root) {
        // Counting stops early: a hostile document is refused after at most the limit's work.
        int objects = 0;
        int values = 0;
        Deque<JsonValue> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            JsonValue value = pending.pop();
            if (value instanceof JsonObject object) {
                if (++objects > maxObjects) {
                    throw tooComplex("more than " + maxObjects + " JSON objects");
                }
                values += object.size();
                object.values().forEach(pending::push);
            } else if (value instanceof JsonArray array) {
                if (array.size() > maxArrayWidth) {
                    throw tooComplex(
                            "an array of "
                                    + array.size()
                                    + " elements; at most "
                                    + maxArrayWidth
                                    + " are accepted in one array");
                }
                values += array.size();
                array.forEach(pending::push);
            }
            if (values > maxValues) {
                throw tooComplex("more than " + maxValues + " values");
            }
        }
    }

    private static InputException tooComplex(String what) {
        return new InputException(
                InputProblem.TOO_COMPLEX,
                "The document is too complex: it has "
                        + what
                        + ", far more than any real credential needs");
    }
}
