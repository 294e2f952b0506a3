import type { AnimationDefinition, JointName, Pose } from '../core/content/pose-schema.ts';

/**
 * The figure's pose model: forward kinematics from a pose (root + joint angles) to points in
 * centimetres, and their projection onto the screen for a view.
 *
 * World axes: x runs along the floor, y is height above the floor, z points to the figure's right
 * when it stands facing +x. The sagittal chain is solved in the x-y plane: every direction is an
 * angle counter-clockwise from +x, starting from the spine's `root.angle`. The front of the body
 * is the spine direction turned 90° clockwise, so an upright figure (90°) faces +x, one lying at
 * 180° lies on its back (head toward -x) and one at 0° faces the floor (head toward +x).
 * Limbs sit beside the spine at ±z. `twist` then turns the chest, arms and head about the chest's
 * axis, and `roll` turns the whole body about the spine, both toward the figure's right.
 *
 * Joint angles are anatomical (positive is flexion), so they convert to directions like this:
 *   chest = spine − torso, head = chest − neck,
 *   upper arm = chest + 180 + shoulder, forearm = upper arm + elbow,
 *   thigh = spine + 180 + hip, shin = thigh − knee, foot = shin + 90 + ankle.
 */

/** Segment lengths in centimetres, for an adult of about 170 cm. */
export const LENGTHS = {
	lumbar: 16,
	/** The chest is two segments, so a rounded or arched back shows as a curve. */
	lowerChest: 15,
	upperChest: 15,
	neck: 6,
	headRadius: 10.5,
	/** How far below the base of the neck the shoulder joints sit, along the chest. */
	shoulderDrop: 4,
	shoulderHalfWidth: 18,
	hipHalfWidth: 9,
	upperArm: 29,
	forearm: 26,
	handRadius: 4.5,
	thigh: 43,
	shin: 43,
	foot: 19
} as const;

/** Radius of the nose, which sticks out of the head on the side the face looks. */
export const NOSE_RADIUS = 3;

/** Drawn thickness of each segment in centimetres (the figure is lines with round ends). */
export const THICKNESS = {
	lumbar: 21,
	chest: 23,
	shoulders: 12,
	hips: 17,
	upperArm: 9,
	forearm: 7,
	thigh: 14,
	shin: 10,
	foot: 7,
	axis: 3
} as const;

/**
 * Range of each joint in degrees, kept a little inside healthy adult limits so that no pose (and no
 * scaled pose between two of them) ever bends a joint further than a person can.
 */
export const JOINT_LIMITS: Record<JointName, readonly [min: number, max: number]> = {
	torso: [-60, 70],
	neck: [-45, 60],
	shoulderL: [-50, 180],
	shoulderR: [-50, 180],
	elbowL: [0, 150],
	elbowR: [0, 150],
	hipL: [-25, 130],
	hipR: [-25, 130],
	kneeL: [0, 150],
	kneeR: [0, 150],
	// The foot segment runs to the toes, so kneeling with the top of the foot on the floor bends
	// the midfoot too: the drawn ankle may point further than the ankle joint alone.
	ankleL: [-70, 30],
	ankleR: [-70, 30]
};
/** The upper body turns at most this far either way against the pelvis. */
export const TWIST_LIMIT = 60;

export type View = AnimationDefinition['view'];
export type Side = 'L' | 'R';

export interface Point3 {
	x: number;
	y: number;
	z: number;
}

export interface Skeleton {
	pelvis: Point3;
	waist: Point3;
	chest: Point3;
	neck: Point3;
	head: Point3;
	/** A point on the face, so the drawing shows which way the head looks. */
	nose: Point3;
	/** The back of the head, where the hair is. */
	hair: Point3;
	shoulderL: Point3;
	elbowL: Point3;
	handL: Point3;
	shoulderR: Point3;
	elbowR: Point3;
	handR: Point3;
	hipL: Point3;
	kneeL: Point3;
	ankleL: Point3;
	toeL: Point3;
	hipR: Point3;
	kneeR: Point3;
	ankleR: Point3;
	toeR: Point3;
}
export type PointName = keyof Skeleton;

export function joint(pose: Pose, name: JointName): number {
	return pose.joints[name] ?? 0;
}

function toward(from: Point3, angle: number, length: number): Point3 {
	const r = (angle * Math.PI) / 180;
	return { x: from.x + length * Math.cos(r), y: from.y + length * Math.sin(r), z: from.z };
}

function sideways(from: Point3, z: number): Point3 {
	return { x: from.x, y: from.y, z: from.z + z };
}

/**
 * Rotates a point about an axis in the x-y plane (through `centre`, pointing at `axisAngle`) so
 * that the body's front turns toward its right by `degrees`.
 */
function turnAbout(point: Point3, centre: Point3, axisAngle: number, degrees: number): Point3 {
	if (degrees === 0) return point;
	const a = (axisAngle * Math.PI) / 180;
	const k = { x: Math.cos(a), y: Math.sin(a), z: 0 };
	// Turning the front toward the right is a negative right-hand rotation about the spine.
	const t = (-degrees * Math.PI) / 180;
	const p = { x: point.x - centre.x, y: point.y - centre.y, z: point.z - centre.z };
	const along = k.x * p.x + k.y * p.y;
	const cross = { x: k.y * p.z, y: -k.x * p.z, z: k.x * p.y - k.y * p.x };
	const c = Math.cos(t);
	const s = Math.sin(t);
	return {
		x: centre.x + p.x * c + cross.x * s + k.x * along * (1 - c),
		y: centre.y + p.y * c + cross.y * s + k.y * along * (1 - c),
		z: centre.z + p.z * c + cross.z * s
	};
}

const UPPER_BODY: PointName[] = [
	'neck',
	'head',
	'nose',
	'hair',
	'shoulderL',
	'elbowL',
	'handL',
	'shoulderR',
	'elbowR',
	'handR'
];

/** Forward kinematics: every point of the figure in world centimetres. */
export function solvePose(pose: Pose): Skeleton {
	const L = LENGTHS;
	const spine = pose.root.angle;
	const pelvis: Point3 = { x: pose.root.x, y: pose.root.y, z: 0 };
	const waist = toward(pelvis, spine, L.lumbar);
	// Half the spine's bend at the waist, half in the middle of the chest: a curve, not a hinge.
	const torso = joint(pose, 'torso');
	const chest = toward(waist, spine - torso / 2, L.lowerChest);
	const chestAngle = spine - torso;
	const neck = toward(chest, chestAngle, L.upperChest);
	const headAngle = chestAngle - joint(pose, 'neck');
	const head = toward(neck, headAngle, L.neck + L.headRadius);
	// The face looks the way the front of the body does: the head's direction turned clockwise.
	const nose = toward(head, headAngle - 90, L.headRadius);
	const hair = toward(toward(head, headAngle + 90, 2.5), headAngle, 1.5);
	const shoulderCentre = toward(neck, chestAngle + 180, L.shoulderDrop);

	const arm = (side: Side) => {
		const shoulder = sideways(
			shoulderCentre,
			side === 'R' ? L.shoulderHalfWidth : -L.shoulderHalfWidth
		);
		const upper = chestAngle + 180 + joint(pose, `shoulder${side}`);
		const elbow = toward(shoulder, upper, L.upperArm);
		const hand = toward(elbow, upper + joint(pose, `elbow${side}`), L.forearm);
		return { shoulder, elbow, hand };
	};
	const leg = (side: Side) => {
		const hip = sideways(pelvis, side === 'R' ? L.hipHalfWidth : -L.hipHalfWidth);
		const thigh = spine + 180 + joint(pose, `hip${side}`);
		const knee = toward(hip, thigh, L.thigh);
		const shin = thigh - joint(pose, `knee${side}`);
		const ankle = toward(knee, shin, L.shin);
		const toe = toward(ankle, shin + 90 + joint(pose, `ankle${side}`), L.foot);
		return { hip, knee, ankle, toe };
	};
	const armL = arm('L');
	const armR = arm('R');
	const legL = leg('L');
	const legR = leg('R');
	const skeleton: Skeleton = {
		pelvis,
		waist,
		chest,
		neck,
		head,
		nose,
		hair,
		shoulderL: armL.shoulder,
		elbowL: armL.elbow,
		handL: armL.hand,
		shoulderR: armR.shoulder,
		elbowR: armR.elbow,
		handR: armR.hand,
		hipL: legL.hip,
		kneeL: legL.knee,
		ankleL: legL.ankle,
		toeL: legL.toe,
		hipR: legR.hip,
		kneeR: legR.knee,
		ankleR: legR.ankle,
		toeR: legR.toe
	};
	const twist = pose.twist ?? 0;
	if (twist !== 0) {
		for (const name of UPPER_BODY) {
			skeleton[name] = turnAbout(skeleton[name], waist, chestAngle, twist);
		}
	}
	const roll = pose.root.roll ?? 0;
	if (roll !== 0) {
		for (const name of Object.keys(skeleton) as PointName[]) {
			skeleton[name] = turnAbout(skeleton[name], pelvis, spine, roll);
		}
	}
	return skeleton;
}

/**
 * Which tone a part is drawn in. The figure's right side is nearest the camera in every view, so
 * "near" parts are strong and "far" ones pale; arms are set apart from the torso they cross, and
 * the forearms are bare (skin), so hands holding a leg stand out against it.
 */
export type Tone =
	| 'body'
	| 'nearArm'
	| 'nearLeg'
	| 'farArm'
	| 'farLeg'
	| 'skin'
	| 'farSkin'
	| 'hair'
	| 'shoulderAxis'
	| 'hipAxis';

/** The drawn parts of the figure: a line between two points. */
export interface SegmentSpec {
	id: string;
	from: PointName;
	to: PointName;
	thickness: number;
	tone: Tone;
}

const T = THICKNESS;
export const SEGMENTS: readonly SegmentSpec[] = [
	{ id: 'hips', from: 'hipL', to: 'hipR', thickness: T.hips, tone: 'body' },
	{ id: 'lumbar', from: 'pelvis', to: 'waist', thickness: T.lumbar, tone: 'body' },
	{ id: 'lowerChest', from: 'waist', to: 'chest', thickness: T.chest, tone: 'body' },
	{ id: 'upperChest', from: 'chest', to: 'neck', thickness: T.chest, tone: 'body' },
	{ id: 'shoulders', from: 'shoulderL', to: 'shoulderR', thickness: T.shoulders, tone: 'body' },
	{ id: 'upperArmL', from: 'shoulderL', to: 'elbowL', thickness: T.upperArm, tone: 'farArm' },
	{ id: 'forearmL', from: 'elbowL', to: 'handL', thickness: T.forearm, tone: 'farSkin' },
	{ id: 'upperArmR', from: 'shoulderR', to: 'elbowR', thickness: T.upperArm, tone: 'nearArm' },
	{ id: 'forearmR', from: 'elbowR', to: 'handR', thickness: T.forearm, tone: 'skin' },
	{ id: 'thighL', from: 'hipL', to: 'kneeL', thickness: T.thigh, tone: 'farLeg' },
	{ id: 'shinL', from: 'kneeL', to: 'ankleL', thickness: T.shin, tone: 'farLeg' },
	{ id: 'footL', from: 'ankleL', to: 'toeL', thickness: T.foot, tone: 'farLeg' },
	{ id: 'thighR', from: 'hipR', to: 'kneeR', thickness: T.thigh, tone: 'nearLeg' },
	{ id: 'shinR', from: 'kneeR', to: 'ankleR', thickness: T.shin, tone: 'nearLeg' },
	{ id: 'footR', from: 'ankleR', to: 'toeR', thickness: T.foot, tone: 'nearLeg' }
];

/** The shoulder and hip lines drawn for a twist, reaching a little past the body on both sides. */
export const AXES: readonly SegmentSpec[] = [
	{ id: 'hipAxis', from: 'hipL', to: 'hipR', thickness: T.axis, tone: 'hipAxis' },
	{
		id: 'shoulderAxis',
		from: 'shoulderL',
		to: 'shoulderR',
		thickness: T.axis,
		tone: 'shoulderAxis'
	}
];

/** A point on the screen in centimetres: h to the right, v downward; depth toward the viewer. */
export interface ScreenPoint {
	h: number;
	v: number;
	depth: number;
}

/**
 * Where each view's camera stands: `turn` degrees round from the figure's right toward its front,
 * `tilt` degrees up from the floor. Projection is orthographic, so sizes never depend on depth.
 */
export const CAMERAS: Record<View, { turn: number; tilt: number }> = {
	side: { turn: 0, tilt: 0 },
	front: { turn: 90, tilt: 0 },
	top: { turn: 0, tilt: 90 },
	'three-quarter': { turn: 35, tilt: 50 },
	overhead: { turn: 0, tilt: 50 }
};

/**
 * Projects a world point for a view. The side view is seen from the figure's right (+z) with x to
 * the right; other cameras turn and tilt from there. `mirrored` draws the other side of a per-side
 * exercise as the mirror image: the world is reflected left for right on the screen, so the side
 * being worked stays the one nearest the camera.
 */
export function project(point: Point3, view: View, mirrored = false): ScreenPoint {
	const { turn, tilt } = CAMERAS[view];
	const a = (turn * Math.PI) / 180;
	const b = (tilt * Math.PI) / 180;
	// Camera direction c, screen right r and screen up u = c × r.
	const c = { x: Math.cos(b) * Math.sin(a), y: Math.sin(b), z: Math.cos(b) * Math.cos(a) };
	const r = { x: Math.cos(a), y: 0, z: -Math.sin(a) };
	const u = { x: c.y * r.z, y: c.z * r.x - c.x * r.z, z: -c.y * r.x };
	const h = point.x * r.x + point.z * r.z;
	return {
		h: mirrored ? -h : h,
		v: -(point.x * u.x + point.y * u.y + point.z * u.z),
		depth: point.x * c.x + point.y * c.y + point.z * c.z
	};
}

/** Linear blend of two poses: 0 gives `a`, 1 gives `b`. Joints missing from either count as 0. */
export function blendPoses(a: Pose, b: Pose, t: number): Pose {
	const mix = (p: number, q: number) => p + (q - p) * t;
	const names = new Set([...Object.keys(a.joints), ...Object.keys(b.joints)]) as Set<JointName>;
	const joints: Partial<Record<JointName, number>> = {};
	for (const name of names) joints[name] = mix(joint(a, name), joint(b, name));
	const roll = mix(a.root.roll ?? 0, b.root.roll ?? 0);
	const twist = mix(a.twist ?? 0, b.twist ?? 0);
	return {
		root: {
			x: mix(a.root.x, b.root.x),
			y: mix(a.root.y, b.root.y),
			angle: mix(a.root.angle, b.root.angle),
			...(roll !== 0 ? { roll } : {})
		},
		joints,
		...(twist !== 0 ? { twist } : {})
	};
}

/**
 * The end pose an exercise reaches today: the full-range end pose scaled toward the start by
 * `rangeFraction` (today's range / the range dial's maximum; 1 without a range dial).
 */
export function targetPose(animation: AnimationDefinition, rangeFraction: number): Pose {
	const fraction = Math.min(1, Math.max(0, rangeFraction));
	return blendPoses(animation.start, animation.end, fraction);
}

/** Joints bent past their limits in a pose, as readable messages (empty when the pose is fine). */
export function jointProblems(pose: Pose): string[] {
	const problems: string[] = [];
	for (const [name, [min, max]] of Object.entries(JOINT_LIMITS) as [
		JointName,
		readonly [number, number]
	][]) {
		const value = joint(pose, name);
		if (value < min || value > max) problems.push(`${name} is ${value}°, outside ${min}..${max}°`);
	}
	const twist = pose.twist ?? 0;
	if (Math.abs(twist) > TWIST_LIMIT) problems.push(`twist is ${twist}°, beyond ±${TWIST_LIMIT}°`);
	return problems;
}

/**
 * How far the lowest edge of the figure is above the floor, in centimetres (negative: sinking
 * into it). A resting pose should be close to 0.
 */
export function clearance(skeleton: Skeleton): number {
	let lowest = Math.min(
		skeleton.head.y - LENGTHS.headRadius,
		skeleton.handL.y - LENGTHS.handRadius,
		skeleton.handR.y - LENGTHS.handRadius
	);
	for (const segment of SEGMENTS) {
		const edge = Math.min(skeleton[segment.from].y, skeleton[segment.to].y) - segment.thickness / 2;
		lowest = Math.min(lowest, edge);
	}
	return lowest;
}
