package org.credence.core.model;

import java.util.Objects;

/**
 * A JSON object is not a valid model object. Carries the {@link ModelProblem} and the path of the
 * offending field (e.g. {@code credentialSubject.achievement.criteria}).
 */
public final class ModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ModelProblem problem;
    private final String field;

    /** A problem with a field; the message should say what is wrong in plain words. */
    public ModelException(ModelProblem problem, String field, String message) {
        super(field + ": " + message);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.field = Objects.requireNonNull(field, "field");
    }

    /** What kind of problem it is. */
    public ModelProblem problem() {
        return problem;
    }

    /** The path of the offending field, from the object that was parsed. */
    public String field() {
        return field;
    }

    /** The detail without the field path. */
    public String detail() {
        return getMessage().substring(field.length() + 2);
    }

    /** The same problem, seen from the object that holds this one under {@code parent}. */
    ModelException within(String parent) {
        ModelException outer = new ModelException(problem, parent + "." + field, detail());
        outer.initCause(this);
        return outer;
    }
}
