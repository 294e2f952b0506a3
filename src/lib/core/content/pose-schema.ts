import * as v from 'valibot';

/**
 * Joints of the simple figure, each an angle in degrees relative to its parent segment, measured
 * as the anatomical movement: positive is flexion (bending forward), negative is extension.
 * A joint left out is at 0, the anatomical neutral (standing straight, arms hanging, foot square
 * to the shin). src/lib/animation/pose.ts gives the angles their geometry (forward kinematics).
 *
 * - torso: the chest against the pelvis (spinal flexion; negative arches the back), shared out
 *   along the spine's segments so the back curves rather than folds.
 * - neck: the head against the chest.
 * - shoulder: the upper arm forward from hanging at the side (180 is overhead).
 * - elbow: the forearm bent toward the upper arm (0 is straight).
 * - hip: the thigh forward from straight in line with the spine.
 * - knee: the shin bent back toward the thigh (0 is straight).
 * - ankle: toes toward the shin (negative points the toes).
 */
export const JOINTS = [
	'torso',
	'neck',
	'shoulderL',
	'elbowL',
	'shoulderR',
	'elbowR',
	'hipL',
	'kneeL',
	'ankleL',
	'hipR',
	'kneeR',
	'ankleR'
] as const;
export type JointName = (typeof JOINTS)[number];

const angle = v.pipe(v.number(), v.finite(), v.minValue(-360), v.maxValue(360));

export const PoseSchema = v.strictObject({
	/** Where the middle of the pelvis (between the hip joints) sits, in centimetres. */
	root: v.strictObject({
		/** Along the floor; the figure faces +x when upright. */
		x: v.pipe(v.number(), v.finite()),
		/** Height above the floor. */
		y: v.pipe(v.number(), v.finite(), v.minValue(0)),
		/**
		 * Direction of the spine from the pelvis, degrees counter-clockwise from +x: 90 is upright,
		 * 180 lying on the back with the head toward -x, 0 face down with the head toward +x.
		 */
		angle,
		/**
		 * Roll of the whole body about the spine, degrees; positive turns the front of the body
		 * toward the figure's right (lying on the back, the knees drop to the right).
		 */
		roll: v.optional(angle)
	}),
	joints: v.record(v.picklist(JOINTS), angle),
	/**
	 * Rotation of the chest, arms and head about the spine relative to the pelvis, degrees;
	 * positive turns toward the figure's right. Drawn by foreshortening the shoulders.
	 */
	twist: v.optional(angle)
});
export type Pose = v.InferOutput<typeof PoseSchema>;

/** The points of the figure an animation can name (src/lib/animation/pose.ts places them). */
export const POINTS = [
	'pelvis',
	'waist',
	'chest',
	'neck',
	'head',
	'handL',
	'handR',
	'elbowL',
	'elbowR',
	'kneeL',
	'kneeR',
	'ankleL',
	'ankleR',
	'hipL',
	'hipR',
	'shoulderL',
	'shoulderR'
] as const;

export const AnimationSchema = v.strictObject({
	/**
	 * Where the camera stands. side: at the figure's right; front: in front; top: overhead;
	 * three-quarter: in front and to the right, well above (for a seated twist); overhead: above the
	 * figure's right side, looking down (for a twist lying down).
	 */
	view: v.picklist(['side', 'front', 'top', 'three-quarter', 'overhead']),
	/** The pose at the start of each repetition or hold. */
	start: PoseSchema,
	/** The pose at the full range of motion; scaled to today's range before it is drawn. */
	end: PoseSchema,
	/**
	 * A rhythmic movement that works each side in turn (marching): one loop goes to the end pose,
	 * back, then to the mirrored end pose and back.
	 */
	alternate: v.optional(v.boolean()),
	/** Draw the shoulder line and the hip line in colour, so a twist shows them turning apart. */
	axes: v.optional(v.boolean()),
	/**
	 * Shade the hollow between the low back and the floor (lying on the back, seen from the side),
	 * so a pelvic tilt shows the gap there closing as the back flattens.
	 */
	hollow: v.optional(v.boolean()),
	/**
	 * The point whose path shows the movement: an arrow along it on the first loop, and today's
	 * range marked along it (an arc where the range is an angle).
	 */
	guide: v.optional(v.strictObject({ point: v.picklist(POINTS) }))
});
export type AnimationDefinition = v.InferOutput<typeof AnimationSchema>;
