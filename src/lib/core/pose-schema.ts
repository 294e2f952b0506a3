import * as v from 'valibot';

/**
 * Joints of the simple figure, each an angle in degrees relative to its parent segment.
 * The pose model in src/lib/animation gives the angles their meaning (forward kinematics).
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
	/** Where the pelvis sits, in centimetres: x along the floor, y above it. */
	root: v.strictObject({
		x: v.pipe(v.number(), v.finite()),
		y: v.pipe(v.number(), v.finite(), v.minValue(0)),
		/** Direction of the spine from the pelvis, degrees: 90 is upright, 180 lying on the back. */
		angle
	}),
	joints: v.record(v.picklist(JOINTS), angle),
	/** Rotation of the upper body about the spine, degrees; drawn by foreshortening. */
	twist: v.optional(angle)
});
export type Pose = v.InferOutput<typeof PoseSchema>;

export const AnimationSchema = v.strictObject({
	view: v.picklist(['side', 'front', 'top']),
	/** The pose at the start of each repetition or hold. */
	start: PoseSchema,
	/** The pose at the full range of motion; scaled to today's range before it is drawn. */
	end: PoseSchema
});
export type AnimationDefinition = v.InferOutput<typeof AnimationSchema>;
